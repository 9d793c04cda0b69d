// Returns for preference (the customer changed their mind), as the order's policy words them: orders' policy
// describes its rules with stable ids, `returns.within-window` where such returns are taken, and
// `returns.no-preference-returns` where they are not (packages/policy, rules/returns.ts).

export interface PolicyWords {
  sections: readonly { title: string; rules: readonly { id: string; text: string }[] }[];
}

export interface PreferenceReturnRule {
  /** Whether the policy takes returns for preference at all (the window is after-sales' to judge). */
  accepted: boolean;
  /** The rule in the policy's words. */
  text: string;
  /** The same section's other rules (defects, refused parcels), for context. */
  related: string[];
}

export function preferenceReturnRule(policy: PolicyWords): PreferenceReturnRule | null {
  for (const section of policy.sections) {
    const rule = section.rules.find((r) => r.id === 'returns.within-window' || r.id === 'returns.no-preference-returns');
    if (rule) return { accepted: rule.id === 'returns.within-window', text: rule.text, related: section.rules.filter((r) => r !== rule).map((r) => r.text) };
  }
  return null;
}

interface MoneyValue {
  amount: number;
  currency: string;
}

/** After-sales' `ReturnOffer` for a line: what requestReturn would accept now, until when, or the rule refusing it. */
export interface ReturnOfferView {
  productId: string;
  open: boolean;
  /** The window's last day (YYYY-MM-DD, the store's time zone); null where the policy takes no such returns. */
  returnableLastDay?: string | null;
  refund?: MoneyValue | null;
  restockingFee?: MoneyValue | null;
  shippingRefund?: MoneyValue | null;
  returnPostage?: string | null;
  rule: { id: string; text: string };
  returnId?: string | null;
}

/**
 * What the storefront says of a line: OPEN until its last day with the refund it would get; CLOSED after its last
 * day (the window passed), with the rule; REFUSED by a rule with no window (no returns for a change of mind, not
 * delivered yet); REQUESTED once a return was asked (the return shows its own terms).
 */
export type LineReturnState =
  | {
      kind: 'OPEN';
      productId: string;
      lastDay: string | null;
      refund: MoneyValue;
      restockingFee: MoneyValue;
      shippingRefund: MoneyValue | null;
      postage: string;
    }
  | { kind: 'CLOSED'; productId: string; lastDay: string; rule: string }
  | { kind: 'REFUSED'; productId: string; rule: string }
  | { kind: 'REQUESTED'; productId: string };

export function lineReturnState(offer: ReturnOfferView): LineReturnState {
  const { productId } = offer;
  if (offer.returnId) return { kind: 'REQUESTED', productId };
  const lastDay = offer.returnableLastDay ?? null;
  if (offer.open && offer.refund && offer.restockingFee && offer.returnPostage) {
    const shipping = offer.shippingRefund && offer.shippingRefund.amount > 0 ? offer.shippingRefund : null;
    return {
      kind: 'OPEN',
      productId,
      lastDay,
      refund: offer.refund,
      restockingFee: offer.restockingFee,
      shippingRefund: shipping,
      postage: offer.returnPostage,
    };
  }
  if (lastDay && offer.rule.id === 'returns.window-closed') return { kind: 'CLOSED', productId, lastDay, rule: offer.rule.text };
  return { kind: 'REFUSED', productId, rule: offer.rule.text };
}

/** After-sales' `ReturnAddress`: where a returned item goes (the warehouse its order's parcel left from). */
export interface ReturnAddressView {
  name: string;
  line1: string;
  line2?: string | null;
  postalCode: string;
  city: string;
  region?: string | null;
  country: string;
}

/**
 * The address on one line, as it goes on a label: recipient, street lines, postal code and city, region, country
 * (named in the page's language by `countryName`).
 */
export function returnAddressText(address: ReturnAddressView, countryName: (code: string) => string): string {
  return [address.name, address.line1, address.line2, `${address.postalCode} ${address.city}`, address.region, countryName(address.country)]
    .filter((part): part is string => Boolean(part && part.trim()))
    .join(', ');
}

/** A country's name in the page's language (Intl's), its code where Intl has none. */
export function countryNameIn(locale: string): (code: string) => string {
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  return (code) => names.of(code) ?? code;
}
