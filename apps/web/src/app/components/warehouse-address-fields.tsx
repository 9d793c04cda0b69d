import { useWords } from '../lib/i18n.js';
import { warehouseAddressFieldsWords } from '../lib/messages/admin/warehouse-address-fields.js';

// A warehouse's return address in the back office's forms (where customers send items back; catalog checks it as
// orders checks a shipping address, in the warehouse's country): the fields, and reading them back from a form.

export interface WarehouseAddressValues {
  name: string;
  line1: string;
  line2?: string | null;
  postalCode: string;
  city: string;
  region?: string | null;
}

const fields = [
  { key: 'name', maxLength: 120 },
  { key: 'line1', maxLength: 200 },
  { key: 'line2', maxLength: 200 },
  { key: 'postalCode', maxLength: 20 },
  { key: 'city', maxLength: 120 },
  { key: 'region', maxLength: 120 },
] as const;
export const addressFieldKeys = fields.map((f) => f.key);

/**
 * The return address from a form's `<prefix>-<field>` inputs: null when every one is blank (nothing to set), else
 * the address as typed (catalog refuses a missing line with the field it is about).
 */
export function addressFromForm(values: Record<string, string>): WarehouseAddressValues | null {
  if (addressFieldKeys.every((k) => !values[`returnAddress.${k}`]?.trim())) return null;
  const v = (k: string) => values[`returnAddress.${k}`] ?? '';
  return { name: v('name'), line1: v('line1'), line2: v('line2') || null, postalCode: v('postalCode'), city: v('city'), region: v('region') || null };
}

/** The address fields, in a fieldset naming the warehouse's country (the address is always in it). */
export function WarehouseAddressFields(props: { idPrefix: string; legend: string; current?: WarehouseAddressValues | null; typed: Record<string, string> }) {
  const w = useWords(warehouseAddressFieldsWords);
  return (
    <fieldset className="stacked" aria-describedby={`${props.idPrefix}-address-help`}>
      <legend>{props.legend}</legend>
      <p id={`${props.idPrefix}-address-help`} className="help">
        {w.help}
      </p>
      <div className="inline-fields">
        {fields.map((f) => (
          <div className="field" key={f.key}>
            <label htmlFor={`${props.idPrefix}-address-${f.key}`}>{w.labels[f.key]}</label>
            <input
              id={`${props.idPrefix}-address-${f.key}`}
              name={`returnAddress.${f.key}`}
              maxLength={f.maxLength}
              autoComplete="off"
              defaultValue={props.typed[`returnAddress.${f.key}`] ?? props.current?.[f.key] ?? ''}
            />
          </div>
        ))}
      </div>
    </fieldset>
  );
}
