import { isCountryCode } from '@vitrine/contracts';
import type { FieldProblem } from '@vitrine/platform/domain';

/** A box's outer size in millimetres. */
export interface Dimensions {
  lengthMm: number;
  widthMm: number;
  heightMm: number;
}

/** Up to `upToGrams` of chargeable weight costs `amount` (minor units). */
export interface WeightBracket {
  upToGrams: number;
  amount: number;
}

/** A surcharge on a method's price: a flat amount plus a share (basis points) of the bracket price; `zones` empty: every zone. */
export interface Surcharge {
  code: string;
  label: string;
  flat: number;
  percentBps: number;
  zones: string[];
}

export interface ZoneRates {
  zone: string;
  brackets: WeightBracket[];
  /** Each started kilogram above the last bracket; null: nothing heavier than the last bracket ships this way. */
  perExtraKg: number | null;
}

/** A way to ship from one origin warehouse (by catalog's code); the same code may be offered from several origins. */
export interface ShippingMethod {
  code: string;
  label: string;
  origin: string;
  /** cm³ per kg: volumetric grams = L x W x H (mm³) / divisor. */
  volumetricDivisor: number;
  rates: ZoneRates[];
  surcharges: Surcharge[];
}

/** Countries grouped for pricing; the one zone with no countries is the rest of the world. */
export interface Zone {
  code: string;
  name: string;
  countries: string[];
}

/** The typical boxed item, used to publish per-item rates (ShippingRatesPublished v1) for consumers that count items. */
export interface ReferenceItem {
  weightGrams: number;
  dimensions: Dimensions;
}

/** A whole rate table: versions are only ever added, so a quote keeps the table it was priced with. */
export interface RateTable {
  currency: string;
  referenceItem: ReferenceItem;
  zones: Zone[];
  methods: ShippingMethod[];
}

/** Bounds of a rate table, as data. */
export const rateTableLimits = {
  maxZones: 50,
  maxMethods: 30,
  maxBrackets: 40,
  maxSurcharges: 10,
  minDivisor: 1_000,
  maxDivisor: 10_000,
  maxAmount: 100_000_000,
  maxGrams: 1_000_000,
  maxDimensionMm: 10_000,
} as const;

const methodCode = /^[A-Z][A-Z0-9_]{1,39}$/;
const zoneCode = /^[A-Z][A-Z0-9_]{1,19}$/;
const warehouseCode = /^[A-Z0-9][A-Z0-9-]{1,15}$/;

const wholeIn = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;

/** Every problem with a rate table at once (paths like `methods.0.rates.1.brackets.2.amount`); an empty list means it can be published. */
export function checkRateTable(table: RateTable): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, reason: string, message: string) => problems.push({ field, reason, message });
  const L = rateTableLimits;
  if (!/^[A-Z]{3}$/.test(table.currency)) add('currency', 'INVALID_CURRENCY', 'Currency is an ISO 4217 code, e.g. USD.');
  checkDimensions(table.referenceItem.dimensions, 'referenceItem.dimensions', add);
  if (!wholeIn(table.referenceItem.weightGrams, 1, L.maxGrams)) add('referenceItem.weightGrams', 'OUT_OF_RANGE', `Weight is 1 to ${L.maxGrams} grams.`);

  if (table.zones.length === 0 || table.zones.length > L.maxZones) add('zones', 'OUT_OF_RANGE', `Give 1 to ${L.maxZones} zones.`);
  const zoneOfCountry = new Map<string, string>();
  let restOfWorld = 0;
  table.zones.forEach((zone, i) => {
    if (!zoneCode.test(zone.code)) add(`zones.${i}.code`, 'INVALID_CODE', 'A zone code is 2-20 capitals, digits or underscores, e.g. EU.');
    if (table.zones.findIndex((z) => z.code === zone.code) !== i) add(`zones.${i}.code`, 'DUPLICATE', `Zone ${zone.code} is listed twice.`);
    if (zone.name.trim().length === 0 || zone.name.length > 80) add(`zones.${i}.name`, 'INVALID_LENGTH', 'A zone name is 1 to 80 characters.');
    if (zone.countries.length === 0) restOfWorld += 1;
    zone.countries.forEach((country, j) => {
      if (!isCountryCode(country)) add(`zones.${i}.countries.${j}`, 'UNKNOWN_COUNTRY', `${country} is not an ISO 3166-1 alpha-2 code.`);
      const other = zoneOfCountry.get(country);
      if (other !== undefined) add(`zones.${i}.countries.${j}`, 'COUNTRY_IN_TWO_ZONES', `${country} is in zone ${other} already.`);
      zoneOfCountry.set(country, zone.code);
    });
  });
  if (restOfWorld > 1) add('zones', 'TWO_REST_OF_WORLD', 'Only one zone may have no countries (the rest of the world).');

  if (table.methods.length === 0 || table.methods.length > L.maxMethods) add('methods', 'OUT_OF_RANGE', `Give 1 to ${L.maxMethods} methods.`);
  const zoneCodes = new Set(table.zones.map((z) => z.code));
  table.methods.forEach((method, i) => {
    const at = `methods.${i}`;
    if (!methodCode.test(method.code)) add(`${at}.code`, 'INVALID_CODE', 'A method code is 2-40 capitals, digits or underscores, e.g. STANDARD.');
    if (method.label.trim().length === 0 || method.label.length > 80) add(`${at}.label`, 'INVALID_LENGTH', 'A label is 1 to 80 characters.');
    if (!warehouseCode.test(method.origin)) add(`${at}.origin`, 'INVALID_CODE', "The origin is a warehouse's code, e.g. FR-LYS.");
    if (table.methods.findIndex((m) => m.code === method.code && m.origin === method.origin) !== i) {
      add(`${at}.code`, 'DUPLICATE', `${method.code} from ${method.origin} is listed twice.`);
    }
    if (!wholeIn(method.volumetricDivisor, L.minDivisor, L.maxDivisor)) {
      add(`${at}.volumetricDivisor`, 'OUT_OF_RANGE', `The volumetric divisor is ${L.minDivisor} to ${L.maxDivisor} (cm³ per kg).`);
    }
    if (method.rates.length === 0) add(`${at}.rates`, 'REQUIRED', 'A method ships to at least one zone.');
    method.rates.forEach((rates, j) => checkZoneRates(rates, `${at}.rates.${j}`, zoneCodes, method.rates.findIndex((r) => r.zone === rates.zone) !== j, add));
    if (method.surcharges.length > L.maxSurcharges) add(`${at}.surcharges`, 'OUT_OF_RANGE', `At most ${L.maxSurcharges} surcharges.`);
    method.surcharges.forEach((s, j) => {
      const sAt = `${at}.surcharges.${j}`;
      if (!methodCode.test(s.code)) add(`${sAt}.code`, 'INVALID_CODE', 'A surcharge code is 2-40 capitals, digits or underscores, e.g. FUEL.');
      if (method.surcharges.findIndex((o) => o.code === s.code) !== j) add(`${sAt}.code`, 'DUPLICATE', `Surcharge ${s.code} is listed twice.`);
      if (s.label.trim().length === 0 || s.label.length > 80) add(`${sAt}.label`, 'INVALID_LENGTH', 'A label is 1 to 80 characters.');
      if (!wholeIn(s.flat, 0, L.maxAmount)) add(`${sAt}.flat`, 'OUT_OF_RANGE', 'A flat surcharge is a whole amount of minor units, 0 or more.');
      if (!wholeIn(s.percentBps, 0, 10_000)) add(`${sAt}.percentBps`, 'OUT_OF_RANGE', 'A percentage is 0 to 10000 basis points.');
      if (s.flat === 0 && s.percentBps === 0) add(`${sAt}`, 'EMPTY_SURCHARGE', 'A surcharge adds a flat amount, a percentage or both.');
      s.zones.forEach((z, k) => {
        if (!zoneCodes.has(z)) add(`${sAt}.zones.${k}`, 'UNKNOWN_ZONE', `No zone ${z} in this table.`);
      });
    });
  });
  return problems;
}

type Add = (field: string, reason: string, message: string) => void;

function checkZoneRates(rates: ZoneRates, at: string, zones: Set<string>, duplicate: boolean, add: Add): void {
  const L = rateTableLimits;
  if (!zones.has(rates.zone)) add(`${at}.zone`, 'UNKNOWN_ZONE', `No zone ${rates.zone} in this table.`);
  if (duplicate) add(`${at}.zone`, 'DUPLICATE', `Zone ${rates.zone} is priced twice for this method.`);
  if (rates.brackets.length === 0 || rates.brackets.length > L.maxBrackets)
    add(`${at}.brackets`, 'OUT_OF_RANGE', `Give 1 to ${L.maxBrackets} weight brackets.`);
  rates.brackets.forEach((b, k) => {
    const prev = rates.brackets[k - 1];
    if (!wholeIn(b.upToGrams, 1, L.maxGrams)) add(`${at}.brackets.${k}.upToGrams`, 'OUT_OF_RANGE', `A bracket ends at 1 to ${L.maxGrams} grams.`);
    else if (prev && b.upToGrams <= prev.upToGrams) add(`${at}.brackets.${k}.upToGrams`, 'NOT_ASCENDING', 'Brackets go from light to heavy.');
    if (!wholeIn(b.amount, 0, L.maxAmount)) add(`${at}.brackets.${k}.amount`, 'OUT_OF_RANGE', 'A price is a whole amount of minor units, 0 or more.');
    else if (prev && b.amount < prev.amount) add(`${at}.brackets.${k}.amount`, 'CHEAPER_WHEN_HEAVIER', 'A heavier bracket never costs less.');
  });
  if (rates.perExtraKg !== null && !wholeIn(rates.perExtraKg, 0, L.maxAmount)) {
    add(`${at}.perExtraKg`, 'OUT_OF_RANGE', 'The price per extra kilogram is a whole amount of minor units, 0 or more.');
  }
}

export function checkDimensions(d: Dimensions, at: string, add: Add): void {
  for (const side of ['lengthMm', 'widthMm', 'heightMm'] as const) {
    if (!wholeIn(d[side], 1, rateTableLimits.maxDimensionMm)) add(`${at}.${side}`, 'OUT_OF_RANGE', `Each side is 1 to ${rateTableLimits.maxDimensionMm} mm.`);
  }
}
