import type { InputHTMLAttributes } from 'react';
import { Form, Link, redirect, useNavigation } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import { ApiError, callApi, pageError } from '../../lib/api.server.js';
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

export const meta: Route.MetaFunction = () => [{ title: 'Publish a rate table | Back office | Vitrine' }];

/** The form starts as the table in force (none published yet: an empty one), so a change is an edit of it. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'logistics:write');
  const inForce = await callApi(context, inForceQuery, {}, staff.accessToken).then(
    (r) => r.rateTable,
    (err: unknown) => (err instanceof ApiError && err.code === 'NOT_FOUND' ? null : pageError(err)),
  );
  return { basedOn: inForce?.version ?? null, values: formValuesFrom(inForce) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const staff = await requireStaff(request, context, 'logistics:write');
  const form = await request.formData();
  const values = formValuesRead((name) => field(form, name));
  const read = rateTableInput(values);
  if (!read.input) return { values, problems: read.problems };
  const { note, ...table } = read.input;
  try {
    await callApi(context, publishMutation, { input: { ...table, note } }, staff.accessToken);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    // Logistics lists every problem at once, each at its place in the input: said where it is on the form.
    const listed = Array.isArray(err.details.problems) ? (err.details.problems as { field?: unknown; message?: unknown }[]) : [];
    const problems = listed
      .filter((p) => typeof p.message === 'string')
      .map((p) => (typeof p.field === 'string' ? `${problemPlace(p.field, read.input)}: ${String(p.message)}` : String(p.message)));
    return { values, problems: [err.message, ...problems] };
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
  const zoneName = (z: number) => v.zones[z]?.code.trim() || `the new zone (row ${z + 1})`;
  return (
    <>
      <p>
        <Link to="/admin/rate-tables">Rate tables</Link>
      </p>
      <h1>Publish a rate table</h1>
      <p className="help">
        {loaderData.basedOn ? `Filled in with version ${loaderData.basedOn}, the one in force.` : 'No table is published yet.'} Amounts are in the table’s
        currency (e.g. 9.50). A method’s prices to a zone are its weight brackets, one per line: the weight in grams it goes up to, then the price (e.g. “1000
        9.00”). A zone left without brackets is one the method does not ship to; empty rows are left out.
      </p>
      {actionData && (
        <div className="error" role="alert" data-testid="problems">
          <p>Nothing was published:</p>
          <ul>
            {actionData.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <Form method="post" aria-label="Publish a rate table">
        <input type="hidden" name="zoneRows" value={v.zones.length} />
        <input type="hidden" name="methodRows" value={v.methods.length} />
        <fieldset>
          <legend>The table</legend>
          <div className="inline-fields">
            <TextField name="currency" label="Currency" value={v.currency} size={4} />
            <TextField name="note" label="Note (why this version)" value={v.note} maxLength={500} />
          </div>
          <p className="help">The reference item: what a product without measures is priced as.</p>
          <div className="inline-fields">
            <TextField name="weightGrams" label="Weight (g)" value={v.weightGrams} inputMode="numeric" size={7} />
            <TextField name="lengthMm" label="Length (mm)" value={v.lengthMm} inputMode="numeric" size={6} />
            <TextField name="widthMm" label="Width (mm)" value={v.widthMm} inputMode="numeric" size={6} />
            <TextField name="heightMm" label="Height (mm)" value={v.heightMm} inputMode="numeric" size={6} />
          </div>
        </fieldset>
        <fieldset>
          <legend>Zones</legend>
          <p className="help">Countries as ISO codes (FR DE …). One zone may list none: the rest of the world.</p>
          {v.zones.map((z, i) => (
            <div className="inline-fields" key={i} role="group" aria-label={z.code ? `Zone ${z.code}` : `New zone (row ${i + 1})`}>
              <TextField name={fieldName.zone(i, 'code')} label={`Zone ${i + 1} code`} value={z.code} size={8} />
              <TextField name={fieldName.zone(i, 'name')} label={`Zone ${i + 1} name`} value={z.name} />
              <TextField name={fieldName.zone(i, 'countries')} label={`Zone ${i + 1} countries`} value={z.countries} size={30} />
            </div>
          ))}
        </fieldset>
        {v.methods.map((m, mi) => {
          const title = m.code ? `${m.label || m.code} (${m.code} from ${m.origin})` : `New method (row ${mi + 1})`;
          return (
            <fieldset key={mi}>
              <legend>{title}</legend>
              <input type="hidden" name={`method.${mi}.surchargeRows`} value={m.surcharges.length} />
              <div className="inline-fields">
                <TextField name={fieldName.method(mi, 'code')} label="Code" value={m.code} size={10} />
                <TextField name={fieldName.method(mi, 'label')} label="Label customers see" value={m.label} />
                <TextField name={fieldName.method(mi, 'origin')} label="From warehouse (code)" value={m.origin} size={8} />
                <TextField name={fieldName.method(mi, 'divisor')} label="Volumetric divisor" value={m.divisor} inputMode="numeric" size={6} />
              </div>
              {v.zones.map((_, zi) => (
                <div className="inline-fields" key={zi}>
                  <div className="field">
                    <label htmlFor={fieldName.rates(mi, zi, 'brackets')}>Brackets to {zoneName(zi)}</label>
                    <textarea
                      id={fieldName.rates(mi, zi, 'brackets')}
                      name={fieldName.rates(mi, zi, 'brackets')}
                      defaultValue={m.rates[zi]?.brackets ?? ''}
                      rows={Math.max(2, (m.rates[zi]?.brackets ?? '').split('\n').length)}
                      cols={18}
                      spellCheck={false}
                    />
                  </div>
                  <TextField
                    name={fieldName.rates(mi, zi, 'perExtraKg')}
                    label={`Each extra kg to ${zoneName(zi)} (empty: not shipped heavier)`}
                    value={m.rates[zi]?.perExtraKg ?? ''}
                    size={8}
                  />
                </div>
              ))}
              <p className="help">Surcharges: a flat amount and/or a percentage of the bracket price, to the zones listed (none: every zone).</p>
              {m.surcharges.map((s, si) => (
                <div className="inline-fields" key={si}>
                  <TextField name={fieldName.surcharge(mi, si, 'code')} label={`Surcharge ${si + 1} code`} value={s.code} size={8} />
                  <TextField name={fieldName.surcharge(mi, si, 'label')} label={`Surcharge ${si + 1} label`} value={s.label} />
                  <TextField name={fieldName.surcharge(mi, si, 'flat')} label="Flat amount" value={s.flat} size={7} />
                  <TextField name={fieldName.surcharge(mi, si, 'percent')} label="Percent" value={s.percent} size={5} />
                  <TextField name={fieldName.surcharge(mi, si, 'zones')} label="Zones" value={s.zones} size={12} />
                </div>
              ))}
            </fieldset>
          );
        })}
        <button type="submit" disabled={submitting}>
          Publish this table
        </button>
      </Form>
    </>
  );
}
