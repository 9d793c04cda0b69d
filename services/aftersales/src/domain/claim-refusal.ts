import { preordersCoveredRule, refusalGrounds, type Rule, type StorePolicy } from '@vitrine/policy';

export type Refusal =
  | { ok: true; rule: Rule }
  | { ok: false; reason: 'NOT_A_REFUSAL_GROUND'; message: string }
  | { ok: false; reason: 'PREORDERS_COVERED'; rule: Rule; message: string };

/**
 * Whether staff may refuse a claim citing `ruleId`: it must be one of the
 * order's policy grounds (its exclusions such as the art box, the statuses it
 * does not cover, the limit after release), and a coverage ground never
 * refuses a preorder where the policy always covers them (002).
 */
export function refusal(policy: StorePolicy, ruleId: string, orderKind: 'PREORDER' | 'IN_STOCK'): Refusal {
  const grounds = refusalGrounds(policy);
  const ground = grounds.find((g) => g.rule.id === ruleId);
  if (!ground) {
    const named = grounds.length ? `It refuses claims for: ${grounds.map((g) => g.rule.id).join(', ')}.` : 'It names no exclusions.';
    return { ok: false, reason: 'NOT_A_REFUSAL_GROUND', message: `The order's policy does not refuse claims for ${ruleId}. ${named}` };
  }
  if (ground.kind === 'COVERAGE' && orderKind === 'PREORDER' && policy.claims.coverage.preordersAlwaysCovered) {
    const rule = preordersCoveredRule();
    return { ok: false, reason: 'PREORDERS_COVERED', rule, message: `${rule.text} ${ground.rule.id} does not apply to this preordered item.` };
  }
  return { ok: true, rule: ground.rule };
}
