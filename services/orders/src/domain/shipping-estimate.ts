import type { FieldProblem } from '@vitrine/platform/domain';

/** Logistics' rate card as orders keeps it (ShippingRatesPublished). */
export interface RateCard {
  version: number;
  currency: string;
  methods: readonly { code: string; label: string; zones: readonly { countries: readonly string[]; firstItem: number; additionalItem: number }[] }[];
}

/** A brand-new account whose region has not reached orders yet: a moment later it will have. */
export const regionUnknownMessage = 'We are still setting up your account. Please try again in a moment.';

export type Estimate = { ok: true; amount: number; method: string; rateCardVersion: number } | { ok: false; problem: FieldProblem };

/**
 * The shipping estimate of `units` items to `country` (the account's
 * region; null while orders has not learnt it) by `method`: the
 * first item's rate plus the additional-item rate for each other, from the
 * first zone that lists the country, else the zone with no countries (the
 * rest of the world). The final cost is quoted by logistics when the parcel
 * is packed; the difference is refunded or invoiced then.
 */
export function estimateShipping(card: RateCard | null, method: string, country: string | null, units: number, currency: string): Estimate {
  const problem = (reason: string, message: string): Estimate => ({ ok: false, problem: { field: 'shippingMethod', reason, message } });
  // The destination is the account's region, which orders learns from accounts' events: until then, no estimate.
  if (country === null) return problem('REGION_UNKNOWN', regionUnknownMessage);
  if (!card) return problem('SHIPPING_UNAVAILABLE', 'Shipping rates are not available yet. Please try again shortly.');
  if (card.currency !== currency) return problem('SHIPPING_UNAVAILABLE', `Shipping is not available for orders in ${currency}.`);
  const rates = card.methods.find((m) => m.code === method);
  if (!rates) return problem('UNKNOWN_SHIPPING_METHOD', `Choose one of: ${card.methods.map((m) => m.code).join(', ')}.`);
  const zone = rates.zones.find((z) => z.countries.includes(country)) ?? rates.zones.find((z) => z.countries.length === 0);
  if (!zone) return problem('NOT_SHIPPED_TO_COUNTRY', `${rates.label} does not ship to ${country}.`);
  return { ok: true, amount: zone.firstItem + zone.additionalItem * Math.max(units - 1, 0), method, rateCardVersion: card.version };
}
