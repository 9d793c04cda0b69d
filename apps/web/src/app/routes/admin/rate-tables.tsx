import { Link } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import { DoneMessage } from '../../components/done-message.js';
import { callApi, pageError } from '../../lib/api.server.js';
import { formatDateTime, formatMoney } from '../../lib/format.js';
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

export const meta: Route.MetaFunction = () => [{ title: 'Rate tables | Back office | Vitrine' }];

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
    done: published ? `Version ${published.version} is published: new estimates and quotes use it from now.` : null,
  };
}

const kg = (grams: number) => `${(grams / 1000).toLocaleString('en', { maximumFractionDigits: 3 })} kg`;

export default function BackOfficeRateTables({ loaderData }: Route.ComponentProps) {
  const { versions, inForce, shown } = loaderData;
  const money = (amount: number) => formatMoney({ amount, currency: shown!.currency });
  return (
    <>
      <h1>Rate tables</h1>
      <DoneMessage message={loaderData.done} />
      <p>
        <Link to="/admin/rate-tables/new">Publish a new version</Link> (filled in with the one in force). Orders already placed keep the estimate they paid.
      </p>
      {versions.length === 0 && <p>No rate table is published: the store cannot estimate shipping yet.</p>}
      {versions.length > 0 && (
        <section aria-labelledby="versions">
          <h2 id="versions">Versions, newest first</h2>
          <ul>
            {versions.map((v) => (
              <li key={v.version}>
                {v.version === shown?.version ? (
                  <strong aria-current="page">Version {v.version}</strong>
                ) : (
                  <Link to={`?version=${v.version}`}>Version {v.version}</Link>
                )}{' '}
                published {formatDateTime(v.publishedAt)}
                {v.version === inForce && ' (in force)'}
                {v.note && <>: {v.note}</>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {shown && (
        <section aria-labelledby="shown" data-testid="rate-table">
          <h2 id="shown">
            Version {shown.version} in {shown.currency}
          </h2>
          <p>
            Reference item (the size a product without measures is priced at): {kg(shown.referenceItem.weightGrams)}, {shown.referenceItem.dimensions.lengthMm}{' '}
            × {shown.referenceItem.dimensions.widthMm} × {shown.referenceItem.dimensions.heightMm} mm.
          </p>
          <h3>Zones</h3>
          <ul>
            {shown.zones.map((z) => (
              <li key={z.code}>
                <strong>{z.code}</strong> {z.name}: {z.countries.length > 0 ? z.countries.join(', ') : 'every country no other zone lists'}
              </li>
            ))}
          </ul>
          {shown.methods.map((m) => (
            <article key={`${m.code}-${m.origin}`} aria-labelledby={`method-${m.code}-${m.origin}`}>
              <h3 id={`method-${m.code}-${m.origin}`}>
                {m.label} ({m.code} from {m.origin})
              </h3>
              <p className="muted">Chargeable weight: the heavier of the weight and the size (L × W × H in cm³ / {m.volumetricDivisor} kg).</p>
              <table className="data-table">
                <caption className="visually-hidden">
                  Prices of {m.label} from {m.origin} per zone and weight
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Zone</th>
                    <th scope="col">Up to a weight</th>
                    <th scope="col">Heavier</th>
                  </tr>
                </thead>
                <tbody>
                  {m.rates.map((r) => (
                    <tr key={r.zone}>
                      <th scope="row">{r.zone}</th>
                      <td>{r.brackets.map((b) => `${kg(b.upToGrams)}: ${money(b.amount)}`).join(' · ')}</td>
                      <td>{r.perExtraKg === null ? 'not shipped' : `${money(r.perExtraKg)} per started kg`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {m.surcharges.length > 0 && (
                <ul>
                  {m.surcharges.map((s) => (
                    <li key={s.code}>
                      {s.label} ({s.code}):{' '}
                      {[s.flat ? money(s.flat) : null, s.percentBps ? `${s.percentBps / 100}% of the price` : null].filter(Boolean).join(' + ')}
                      {s.zones.length > 0 ? ` to ${s.zones.join(', ')}` : ' to every zone'}
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
