import type { InputHTMLAttributes } from 'react';
import { Form, Link, redirect, useNavigation } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import { ApiError, callApi, pageError } from '../../lib/api.server.js';
import { metaLocale, useWords, wordsIn } from '../../lib/i18n.js';
import { requestLocale } from '../../lib/locale.server.js';
import { backOfficeWords } from '../../lib/messages/admin/back-office.js';
import { rateTableNewWords } from '../../lib/messages/admin/rate-table-new.js';
import { refusalFor } from '../../lib/refusal.server.js';
import { field } from '../../lib/sign-in.server.js';
import { fieldName, formValuesFrom, formValuesRead, problemPlace, rateTableInput, type RateTableFormValues } from '../../lib/rate-table-form.js';
import { requireStaff } from '../../lib/staff.server.js';
import type { Route } from './+types/rate-table-new';

const inForceQuery = graphql(`
  query BackOfficeRateTableInForce {
    rateTable {
      ...RateTableFields
    }
  }
`);
const publishMutation = graphql(`
  mutation BackOfficePublishRateTable($input: RateTableInput!) {
    publishRateTable(input: $input) {
      version
    }
  }
`);

export const meta: Route.MetaFunction = ({ matches }) => {
  const locale = metaLocale(matches);
  return [{ title: wordsIn(backOfficeWords, locale).title(wordsIn(rateTableNewWords, locale).title) }];
};

/** The form starts as the table in force (none published yet: an empty one), so a change is an edit of it. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'logistics:write');
  const inForce = await callApi(context, inForceQuery, {}, staff.accessToken).then(
    (r) => r.rateTable,
    (err: unknown) => (err instanceof ApiError && err.code === 'NOT_FOUND' ? null : pageError(err)),
  );
  return { basedOn: inForce?.version ?? null, values: formValuesFrom(inForce, undefined, await requestLocale(request, context)) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const staff = await requireStaff(request, context, 'logistics:write');
  const form = await request.formData();
  const values = formValuesRead((name) => field(form, name));
  const locale = await requestLocale(request, context);
  const read = rateTableInput(values, locale);
  if (!read.input) return { values, problems: read.problems };
  const { note, ...table } = read.input;
  try {
    await callApi(context, publishMutation, { input: { ...table, note } }, staff.accessToken);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    // Logistics lists every problem at once, each at its place in the input: said where it is on the form.
    const listed = Array.isArray(err.details.problems) ? (err.details.problems as { field?: unknown; message?: unknown }[]) : [];
    // Their sentences are logistics' own (English); the page says where each is, and the refusal, in its language.
    const w = wordsIn(rateTableNewWords, locale);
    const problems = listed
      .filter((p) => typeof p.message === 'string')
      .map((p) => (typeof p.field === 'string' ? w.problemAt(problemPlace(p.field, read.input, locale), String(p.message)) : String(p.message)));
    const lead = problems.length > 0 ? w.refusedLead(err.message) : await refusalFor(request, context, err);
    return { values, problems: [lead, ...problems] };
  }
  return redirect('/admin/rate-tables?done=published');
}

function TextField({
  name,
  label,
  value,
  hideLabel,
  ...rest
}: { name: string; label: string; value: string; hideLabel?: boolean } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="field">
      <label htmlFor={name} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <input id={name} name={name} defaultValue={value} spellCheck={false} {...rest} />
    </div>
  );
}

export default function BackOfficeRateTableNew({ loaderData, actionData }: Route.ComponentProps) {
  const v: RateTableFormValues = actionData?.values ?? loaderData.values;
  const submitting = useNavigation().state === 'submitting';
  const w = useWords(rateTableNewWords);
  const frame = useWords(backOfficeWords);
  const zoneName = (z: number) => v.zones[z]?.code.trim() || w.theNewZone(z + 1);
  return (
    <>
      <p>
        <Link to="/admin/rate-tables">{frame.sections.rateTables.title}</Link>
      </p>
      <h1>{w.title}</h1>
      <p className="help">
        {loaderData.basedOn ? w.basedOn(loaderData.basedOn) : w.noneYet}
        {w.help}
      </p>
      {actionData && (
        <div className="error" role="alert" data-testid="problems">
          <p>{w.nothingPublished}</p>
          <ul>
            {actionData.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <Form method="post" aria-label={w.title}>
        <input type="hidden" name="zoneRows" value={v.zones.length} />
        <input type="hidden" name="methodRows" value={v.methods.length} />
        <fieldset>
          <legend>{w.table}</legend>
          <div className="inline-fields">
            <TextField name="currency" label={w.currency} value={v.currency} size={4} />
            <TextField name="note" label={w.note} value={v.note} maxLength={500} />
          </div>
          <p className="help">{w.referenceHelp}</p>
          <div className="inline-fields">
            <TextField name="weightGrams" label={w.weight} value={v.weightGrams} inputMode="numeric" size={7} />
            <TextField name="lengthMm" label={w.length} value={v.lengthMm} inputMode="numeric" size={6} />
            <TextField name="widthMm" label={w.width} value={v.widthMm} inputMode="numeric" size={6} />
            <TextField name="heightMm" label={w.height} value={v.heightMm} inputMode="numeric" size={6} />
          </div>
        </fieldset>
        <fieldset>
          <legend>{w.zones}</legend>
          <p className="help">{w.zonesHelp}</p>
          {v.zones.map((z, i) => (
            <div className="inline-fields" key={i} role="group" aria-label={z.code ? w.zone(z.code) : w.newZone(i + 1)}>
              <TextField name={fieldName.zone(i, 'code')} label={w.zoneCode(i + 1)} value={z.code} size={8} />
              <TextField name={fieldName.zone(i, 'name')} label={w.zoneName(i + 1)} value={z.name} />
              <TextField name={fieldName.zone(i, 'countries')} label={w.zoneCountries(i + 1)} value={z.countries} size={30} />
            </div>
          ))}
        </fieldset>
        {v.methods.map((m, mi) => {
          const title = m.code ? w.method(m.label || m.code, m.code, m.origin) : w.newMethod(mi + 1);
          return (
            <fieldset key={mi}>
              <legend>{title}</legend>
              <input type="hidden" name={`method.${mi}.surchargeRows`} value={m.surcharges.length} />
              <div className="inline-fields">
                <TextField name={fieldName.method(mi, 'code')} label={w.code} value={m.code} size={10} />
                <TextField name={fieldName.method(mi, 'label')} label={w.label} value={m.label} />
                <TextField name={fieldName.method(mi, 'origin')} label={w.origin} value={m.origin} size={8} />
                <TextField name={fieldName.method(mi, 'divisor')} label={w.divisor} value={m.divisor} inputMode="numeric" size={6} />
              </div>
              {v.zones.map((_, zi) => (
                <div className="inline-fields" key={zi}>
                  <div className="field">
                    <label htmlFor={fieldName.rates(mi, zi, 'brackets')}>{w.brackets(zoneName(zi))}</label>
                    <textarea
                      id={fieldName.rates(mi, zi, 'brackets')}
                      name={fieldName.rates(mi, zi, 'brackets')}
                      defaultValue={m.rates[zi]?.brackets ?? ''}
                      rows={Math.max(2, (m.rates[zi]?.brackets ?? '').split('\n').length)}
                      cols={18}
                      spellCheck={false}
                    />
                  </div>
                  <TextField name={fieldName.rates(mi, zi, 'perExtraKg')} label={w.perExtraKg(zoneName(zi))} value={m.rates[zi]?.perExtraKg ?? ''} size={8} />
                </div>
              ))}
              <p className="help">{w.surchargesHelp}</p>
              {m.surcharges.map((s, si) => (
                <div className="inline-fields" key={si}>
                  <TextField name={fieldName.surcharge(mi, si, 'code')} label={w.surchargeCode(si + 1)} value={s.code} size={8} />
                  <TextField name={fieldName.surcharge(mi, si, 'label')} label={w.surchargeLabel(si + 1)} value={s.label} />
                  <TextField name={fieldName.surcharge(mi, si, 'flat')} label={w.flat} value={s.flat} size={7} />
                  <TextField name={fieldName.surcharge(mi, si, 'percent')} label={w.percent} value={s.percent} size={5} />
                  <TextField name={fieldName.surcharge(mi, si, 'zones')} label={w.surchargeZones} value={s.zones} size={12} />
                </div>
              ))}
            </fieldset>
          );
        })}
        <button type="submit" disabled={submitting}>
          {w.submit}
        </button>
      </Form>
    </>
  );
}
