import { percentOf } from '@vitrine/policy';
import type { FieldProblem } from '@vitrine/platform/domain';
import { chargeableGrams, volumetricGrams, type Parcel } from './parcel.js';
import type { RateTable, ShippingMethod, Zone, ZoneRates } from './rate-table.js';

export interface PriceRequest {
  method: string;
  /** The origin warehouse's code; null: the first origin the table lists for the method. */
  origin: string | null;
  country: string;
  parcel: Parcel;
}

export interface PriceBreakdown {
  method: string;
  origin: string;
  zone: string;
  actualGrams: number;
  volumetricGrams: number;
  chargeableGrams: number;
  base: number;
  surcharges: { code: string; label: string; amount: number }[];
  amount: number;
  currency: string;
}

export type PriceResult = { ok: true; price: PriceBreakdown } | { ok: false; problem: FieldProblem };

const fail = (field: string, reason: string, message: string): PriceResult => ({ ok: false, problem: { field, reason, message } });

/** The zone a country is priced in: the zone that lists it, else the rest of the world. */
export function zoneFor(zones: readonly Zone[], country: string): Zone | undefined {
  return zones.find((z) => z.countries.includes(country)) ?? zones.find((z) => z.countries.length === 0);
}

/**
 * The price of one parcel: the method (from the origin asked, or its first),
 * the destination's zone, the bracket holding its chargeable weight (above the
 * last, each started kilogram at `perExtraKg`), then the method's surcharges
 * for that zone (flat plus a share of the bracket price, rounded half up).
 */
export function priceParcel(table: RateTable, request: PriceRequest): PriceResult {
  const offers = table.methods.filter((m) => m.code === request.method);
  if (offers.length === 0) {
    const codes = [...new Set(table.methods.map((m) => m.code))].join(', ');
    return fail('method', 'UNKNOWN_SHIPPING_METHOD', `No shipping method ${request.method}. Choose one of: ${codes}.`);
  }
  const method = request.origin === null ? offers[0] : offers.find((m) => m.origin === request.origin);
  if (!method) return fail('origin', 'NOT_OFFERED_FROM_WAREHOUSE', `${request.method} does not ship from ${request.origin}.`);
  const zone = zoneFor(table.zones, request.country);
  const rates = zone && method.rates.find((r) => r.zone === zone.code);
  if (!zone || !rates) return fail('destination', 'NOT_SHIPPED_TO_COUNTRY', `${method.label} does not ship to ${request.country}.`);
  const grams = chargeableGrams(request.parcel, method.volumetricDivisor);
  const base = bracketPrice(rates, grams);
  if (base === null)
    return fail('items', 'TOO_HEAVY', `${method.label} takes parcels up to ${rates.brackets.at(-1)!.upToGrams} g; this one counts ${grams} g.`);
  const surcharges = surchargesFor(method, zone.code, base);
  return {
    ok: true,
    price: {
      method: method.code,
      origin: method.origin,
      zone: zone.code,
      actualGrams: request.parcel.weightGrams,
      volumetricGrams: volumetricGrams(request.parcel.dimensions, method.volumetricDivisor),
      chargeableGrams: grams,
      base,
      surcharges,
      amount: base + surcharges.reduce((sum, s) => sum + s.amount, 0),
      currency: table.currency,
    },
  };
}

function bracketPrice(rates: ZoneRates, grams: number): number | null {
  const bracket = rates.brackets.find((b) => grams <= b.upToGrams);
  if (bracket) return bracket.amount;
  const last = rates.brackets.at(-1)!;
  if (rates.perExtraKg === null) return null;
  return last.amount + Math.ceil((grams - last.upToGrams) / 1000) * rates.perExtraKg;
}

function surchargesFor(method: ShippingMethod, zone: string, base: number): PriceBreakdown['surcharges'] {
  return method.surcharges
    .filter((s) => s.zones.length === 0 || s.zones.includes(zone))
    .map((s) => ({ code: s.code, label: s.label, amount: s.flat + percentOf(base, s.percentBps) }));
}
