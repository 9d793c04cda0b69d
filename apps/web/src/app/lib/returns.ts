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

/** The order's delivered lines no return was asked for yet (after-sales answers a second request with the first). */
export function returnableLines<L extends { product: { id: string } }>(
  lines: readonly L[],
  returns: readonly { orderId: string; productId: string }[],
  orderId: string,
): L[] {
  const asked = new Set(returns.filter((r) => r.orderId === orderId).map((r) => r.productId));
  return lines.filter((l) => !asked.has(l.product.id));
}
