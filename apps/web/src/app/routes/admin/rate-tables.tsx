import { Link } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import { DoneMessage } from '../../components/done-message.js';
import { callApi, pageError } from '../../lib/api.server.js';
import { sectionMeta } from '../../lib/back-office-meta.js';
import { useI18n, useWords } from '../../lib/i18n.js';
import { backOfficeWords } from '../../lib/messages/admin/back-office.js';
import { rateTablesWords } from '../../lib/messages/admin/rate-tables.js';
import { requireStaff } from '../../lib/staff.server.js';
import type { Route } from './+types/rate-tables';

const rateTablesQuery = graphql(`
  query BackOfficeRateTables {
    rateTables {
      ...RateTableFields
      note
      publishedAt
    }
  }
`);

export const meta: Route.MetaFunction = (args) => sectionMeta(args, 'rateTables');

/** Every published version (newest first, the newest in force) and one of them read in full (`?version=`). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'logistics:write');
  const { rateTables } = await callApi(context, rateTablesQuery, {}, staff.accessToken).catch(pageError);
  const params = new URL(request.url).searchParams;
  const shown = rateTables.find((t) => String(t.version) === params.get('version')) ?? rateTables[0] ?? null;
  const published = params.get('done') === 'published' ? rateTables[0] : undefined;
  return {
    versions: rateTables.map(({ version, note, publishedAt }) => ({ version, note, publishedAt })),
    inForce: rateTables[0]?.version ?? null,
    shown,
    /** The version just published (the page words it). */
    published: published?.version ?? null,
  };
}

export default function BackOfficeRateTables({ loaderData }: Route.ComponentProps) {
  const { versions, inForce, shown } = loaderData;
  const i18n = useI18n();
  const w = useWords(rateTablesWords);
  const frame = useWords(backOfficeWords);
  const money = (amount: number) => i18n.money({ amount, currency: shown!.currency });
  const { kg } = w;
  return (
    <>
      <h1>{frame.sections.rateTables.title}</h1>
      <DoneMessage message={loaderData.published === null ? null : w.published(loaderData.published)} />
      <p>
        <Link to="/admin/rate-tables/new">{w.publishLink}</Link>
        {w.publishAfter}
      </p>
      {versions.length === 0 && <p>{w.none}</p>}
      {versions.length > 0 && (
        <section aria-labelledby="versions">
          <h2 id="versions">{w.versions}</h2>
          <ul>
            {versions.map((v) => (
              <li key={v.version}>
                {v.version === shown?.version ? (
                  <strong aria-current="page">{w.version(v.version)}</strong>
                ) : (
                  <Link to={`?version=${v.version}`}>{w.version(v.version)}</Link>
                )}{' '}
                {w.publishedOn(i18n.dateTime(v.publishedAt))}
                {v.version === inForce && w.inForce}
                {v.note && (
                  <>
                    {w.colon}
                    {v.note}
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {shown && (
        <section aria-labelledby="shown" data-testid="rate-table">
          <h2 id="shown">{w.shown(shown.version, shown.currency)}</h2>
          <p>
            {w.referenceItem(
              kg(shown.referenceItem.weightGrams),
              shown.referenceItem.dimensions.lengthMm,
              shown.referenceItem.dimensions.widthMm,
              shown.referenceItem.dimensions.heightMm,
            )}
          </p>
          <h3>{w.zones}</h3>
          <ul>
            {shown.zones.map((z) => (
              <li key={z.code}>
                <strong>{z.code}</strong> {w.zone(z.name, z.countries.length > 0 ? z.countries.join(', ') : w.everyCountry)}
              </li>
            ))}
          </ul>
          {shown.methods.map((m) => (
            <article key={`${m.code}-${m.origin}`} aria-labelledby={`method-${m.code}-${m.origin}`}>
              <h3 id={`method-${m.code}-${m.origin}`}>{w.method(m.label, m.code, m.origin)}</h3>
              <p className="muted">{w.chargeable(m.volumetricDivisor)}</p>
              <table className="data-table">
                <caption className="visually-hidden">{w.pricesCaption(m.label, m.origin)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{w.zoneHeader}</th>
                    <th scope="col">{w.upTo}</th>
                    <th scope="col">{w.heavier}</th>
                  </tr>
                </thead>
                <tbody>
                  {m.rates.map((r) => (
                    <tr key={r.zone}>
                      <th scope="row">{r.zone}</th>
                      <td>{r.brackets.map((b) => w.bracket(kg(b.upToGrams), money(b.amount))).join(' · ')}</td>
                      <td>{r.perExtraKg === null ? w.notShipped : w.perStartedKg(money(r.perExtraKg))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {m.surcharges.length > 0 && (
                <ul>
                  {m.surcharges.map((s) => (
                    <li key={s.code}>
                      {w.surcharge(s.label, s.code)}
                      {[s.flat ? money(s.flat) : null, s.percentBps ? w.percentOfPrice(s.percentBps / 100) : null].filter(Boolean).join(' + ')}
                      {s.zones.length > 0 ? w.toZones(s.zones.join(', ')) : w.toEveryZone}
                    </li>
                  ))}
                </ul>
              )}
            </article>
          ))}
        </section>
      )}
    </>
  );
}
