import type { Locale } from './format.js';
import { wordsIn } from './i18n.js';
import { rateTableFormWords } from './messages/admin/rate-table-form.js';
import { fromMinorUnits, toMinorUnits } from './money-input.js';

// The rate-table form: what staff type (zones as rows, each method's weight brackets per zone as lines, amounts in
// the table's currency) to logistics' `RateTableInput` and back. Pure, so the page and its tests share it; the
// rules themselves (ascending brackets, one rest-of-the-world zone...) are logistics' and it names what breaks them.

/** A published table as the API gives it (the fields the form needs). */
export interface RateTableData {
  currency: string;
  referenceItem: { weightGrams: number; dimensions: { lengthMm: number; widthMm: number; heightMm: number } };
  zones: { code: string; name: string; countries: string[] }[];
  methods: {
    code: string;
    label: string;
    origin: string;
    volumetricDivisor: number;
    rates: { zone: string; brackets: { upToGrams: number; amount: number }[]; perExtraKg: number | null }[];
    surcharges: { code: string; label: string; flat: number; percentBps: number; zones: string[] }[];
  }[];
}

/** The form's text, field by field; a method's `rates[z]` are its prices to zone row z. */
export interface RateTableFormValues {
  currency: string;
  note: string;
  weightGrams: string;
  lengthMm: string;
  widthMm: string;
  heightMm: string;
  zones: { code: string; name: string; countries: string }[];
  methods: {
    code: string;
    label: string;
    origin: string;
    divisor: string;
    rates: { brackets: string; perExtraKg: string }[];
    surcharges: { code: string; label: string; flat: string; percent: string; zones: string }[];
  }[];
}

export type RateTableInputData = RateTableData & { note: string | null };

const blankZone = () => ({ code: '', name: '', countries: '' });
const blankSurcharge = () => ({ code: '', label: '', flat: '', percent: '', zones: '' });
const blankRates = () => ({ brackets: '', perExtraKg: '' });

/** Basis points as a percentage staff type: 800 is "8", 1250 is "12.5" (French "12,5"). */
const percentText = (bps: number, locale: Locale) => (locale === 'fr' ? String(bps / 100).replace('.', ',') : String(bps / 100));

/**
 * The form filled with a table (the one in force, to change), plus one empty zone, method and surcharge row to
 * add with. Without a table: an empty form in `currency`. Amounts as staff of `locale` write them (French: "9,50").
 */
export function formValuesFrom(table: RateTableData | null, currency = 'USD', locale: Locale = 'en'): RateTableFormValues {
  const c = table?.currency ?? currency;
  const zones = [...(table?.zones.map((z) => ({ code: z.code, name: z.name, countries: z.countries.join(' ') })) ?? []), blankZone()];
  const methodRows = (table?.methods ?? []).map((m) => ({
    code: m.code,
    label: m.label,
    origin: m.origin,
    divisor: String(m.volumetricDivisor),
    rates: zones.map((z) => {
      const r = m.rates.find((x) => x.zone === z.code && z.code !== '');
      return r
        ? {
            brackets: r.brackets.map((b) => `${b.upToGrams} ${fromMinorUnits(b.amount, c, locale)}`).join('\n'),
            perExtraKg: r.perExtraKg === null ? '' : fromMinorUnits(r.perExtraKg, c, locale),
          }
        : blankRates();
    }),
    surcharges: [
      ...m.surcharges.map((s) => ({
        code: s.code,
        label: s.label,
        flat: s.flat ? fromMinorUnits(s.flat, c, locale) : '',
        percent: s.percentBps ? percentText(s.percentBps, locale) : '',
        zones: s.zones.join(' '),
      })),
      blankSurcharge(),
    ],
  }));
  return {
    currency: c,
    note: '',
    weightGrams: table ? String(table.referenceItem.weightGrams) : '',
    lengthMm: table ? String(table.referenceItem.dimensions.lengthMm) : '',
    widthMm: table ? String(table.referenceItem.dimensions.widthMm) : '',
    heightMm: table ? String(table.referenceItem.dimensions.heightMm) : '',
    zones,
    methods: [...methodRows, { code: '', label: '', origin: '', divisor: '5000', rates: zones.map(blankRates), surcharges: [blankSurcharge()] }],
  };
}

/** The form's field names, shared by the page that renders them and `formValuesRead` that reads them back. */
export const fieldName = {
  zone: (z: number, f: 'code' | 'name' | 'countries') => `zone.${z}.${f}`,
  method: (m: number, f: 'code' | 'label' | 'origin' | 'divisor') => `method.${m}.${f}`,
  rates: (m: number, z: number, f: 'brackets' | 'perExtraKg') => `method.${m}.zone.${z}.${f}`,
  surcharge: (m: number, s: number, f: 'code' | 'label' | 'flat' | 'percent' | 'zones') => `method.${m}.surcharge.${s}.${f}`,
};

const rowLimit = 60;
const count = (typed: string) => Math.min(rowLimit, /^\d{1,3}$/.test(typed) ? Number(typed) : 0);

/** The form's text back from what was posted (`get` reads one field; the row counts travel as hidden fields). */
export function formValuesRead(get: (name: string) => string): RateTableFormValues {
  const zoneRows = count(get('zoneRows'));
  const methodRows = count(get('methodRows'));
  return {
    currency: get('currency'),
    note: get('note'),
    weightGrams: get('weightGrams'),
    lengthMm: get('lengthMm'),
    widthMm: get('widthMm'),
    heightMm: get('heightMm'),
    zones: Array.from({ length: zoneRows }, (_, z) => ({
      code: get(fieldName.zone(z, 'code')),
      name: get(fieldName.zone(z, 'name')),
      countries: get(fieldName.zone(z, 'countries')),
    })),
    methods: Array.from({ length: methodRows }, (_, m) => ({
      code: get(fieldName.method(m, 'code')),
      label: get(fieldName.method(m, 'label')),
      origin: get(fieldName.method(m, 'origin')),
      divisor: get(fieldName.method(m, 'divisor')),
      rates: Array.from({ length: zoneRows }, (_, z) => ({
        brackets: get(fieldName.rates(m, z, 'brackets')),
        perExtraKg: get(fieldName.rates(m, z, 'perExtraKg')),
      })),
      surcharges: Array.from({ length: count(get(`method.${m}.surchargeRows`)) }, (_, s) => ({
        code: get(fieldName.surcharge(m, s, 'code')),
        label: get(fieldName.surcharge(m, s, 'label')),
        flat: get(fieldName.surcharge(m, s, 'flat')),
        percent: get(fieldName.surcharge(m, s, 'percent')),
        zones: get(fieldName.surcharge(m, s, 'zones')),
      })),
    })),
  };
}

const codes = (typed: string) =>
  typed
    .split(/[\s,;]+/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
const wholeNumber = (typed: string) => (/^\d{1,9}$/.test(typed.trim()) ? Number(typed.trim()) : null);
const isBlank = (...typed: string[]) => typed.every((t) => t.trim() === '');

/**
 * What was typed as logistics' input, or the problems the page can name before asking (a price that is not an
 * amount, a bracket line that is not "grams price"), in `locale`. Rows left empty are not sent; a method's zone left
 * without brackets is a zone it does not ship to.
 */
export function rateTableInput(
  v: RateTableFormValues,
  locale: Locale = 'en',
): { input: RateTableInputData; problems: [] } | { input: null; problems: string[] } {
  const w = wordsIn(rateTableFormWords, locale);
  const problems: string[] = [];
  const currency = v.currency.trim().toUpperCase();
  const validCurrency =
    /^[A-Z]{3}$/.test(currency) &&
    (() => {
      try {
        new Intl.NumberFormat('en', { style: 'currency', currency });
        return true;
      } catch {
        return false;
      }
    })();
  if (!validCurrency) problems.push(w.currency);
  const amount = (typed: string, where: string): number | null => {
    const minor = validCurrency ? toMinorUnits(typed, currency, locale) : null;
    if (minor === null && validCurrency) problems.push(w.notAmount(where, typed.trim(), currency));
    return minor;
  };
  const whole = (typed: string, where: string): number => {
    const n = wholeNumber(typed);
    if (n === null) problems.push(w.notWhole(where));
    return n ?? 0;
  };
  const referenceItem = {
    weightGrams: whole(v.weightGrams, w.referenceWeight),
    dimensions: {
      lengthMm: whole(v.lengthMm, w.referenceLength),
      widthMm: whole(v.widthMm, w.referenceWidth),
      heightMm: whole(v.heightMm, w.referenceHeight),
    },
  };
  const zoneRows = v.zones.map((z) => ({ code: z.code.trim().toUpperCase(), name: z.name.trim(), countries: codes(z.countries) }));
  const usedZones = zoneRows.map((z, i) => ({ z, i })).filter(({ z }) => !isBlank(z.code, z.name) || z.countries.length > 0);
  const methods = v.methods
    .map((m, mi) => ({ m, mi }))
    .filter(({ m }) => !isBlank(m.code, m.label, m.origin))
    .map(({ m }) => {
      const code = m.code.trim() || w.aMethod;
      const name = m.origin.trim() ? w.from(code, m.origin.trim()) : code;
      const rates = usedZones
        .filter(({ i }) => !isBlank(m.rates[i]?.brackets ?? ''))
        .map(({ z, i }) => {
          const r = m.rates[i]!;
          const where = w.to(name, z.code || w.zoneRow(i + 1));
          const brackets = r.brackets
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean)
            .map((line) => {
              const match = /^(\d{1,9})\s*g?\s*[:=]?\s+(\S+)$/.exec(line);
              if (!match) {
                problems.push(w.notBracket(where, line));
                return { upToGrams: 0, amount: 0 };
              }
              return { upToGrams: Number(match[1]), amount: amount(match[2]!, where) ?? 0 };
            });
          const perExtraKg = r.perExtraKg.trim() === '' ? null : amount(r.perExtraKg, w.perExtraKg(where));
          return { zone: z.code, brackets, perExtraKg };
        });
      const surcharges = m.surcharges
        .filter((s) => !isBlank(s.code, s.label, s.flat, s.percent, s.zones))
        .map((s) => {
          const where = w.surcharge(name, s.code.trim() || s.label.trim());
          const percent = s.percent.trim();
          // French writes the decimal comma (a point is taken too).
          const typedPercent = locale === 'fr' ? percent.replace(',', '.') : percent;
          const bps = percent === '' ? 0 : /^\d{1,3}(\.\d{1,2})?$/.test(typedPercent) ? Math.round(Number(typedPercent) * 100) : null;
          if (bps === null) problems.push(w.notPercent(where, percent));
          return {
            code: s.code.trim().toUpperCase(),
            label: s.label.trim(),
            flat: s.flat.trim() === '' ? 0 : (amount(s.flat, where) ?? 0),
            percentBps: bps ?? 0,
            zones: codes(s.zones),
          };
        });
      return {
        code: m.code.trim().toUpperCase(),
        label: m.label.trim(),
        origin: m.origin.trim().toUpperCase(),
        volumetricDivisor: whole(m.divisor, w.divisor(name)),
        rates,
        surcharges,
      };
    });
  if (problems.length > 0) return { input: null, problems };
  return {
    input: { currency, referenceItem, zones: usedZones.map(({ z }) => z), methods, note: v.note.trim() || null },
    problems: [],
  };
}

/**
 * Logistics names each problem by its path in the input (`methods.0.rates.1.brackets.2.amount`); this says where
 * that is on the form ("STANDARD from FR-LYS to EU, bracket 3"), in `locale`, so staff find the field.
 */
export function problemPlace(path: string, input: RateTableInputData, locale: Locale = 'en'): string {
  const w = wordsIn(rateTableFormWords, locale);
  const parts = path.split('.');
  const [head, a, b, c, d, e] = parts;
  const method = head === 'methods' && a !== undefined ? input.methods[Number(a)] : undefined;
  const methodName = method ? w.from(method.code, method.origin) : null;
  if (head === 'zones' && a !== undefined) return w.zone(input.zones[Number(a)]?.code || String(Number(a) + 1));
  if (head === 'referenceItem') return w.referenceItem;
  if (head === 'currency') return w.currencyField;
  if (head === 'note') return w.note;
  if (methodName && b === 'rates' && c !== undefined) {
    const zone = method!.rates[Number(c)]?.zone ?? '';
    if (d === 'brackets' && e !== undefined) return w.bracket(w.to(methodName, zone), Number(e) + 1);
    if (d === 'perExtraKg') return w.perExtraKg(w.to(methodName, zone));
    return w.to(methodName, zone);
  }
  if (methodName && b === 'surcharges' && c !== undefined) return w.surcharge(methodName, String(method!.surcharges[Number(c)]?.code ?? Number(c) + 1));
  if (methodName) return methodName;
  return path;
}
