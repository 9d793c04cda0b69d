import type { PaymentPurpose } from '@vitrine/contracts';
import { arrivalPaymentRule, balanceDueRule, chargeAtShipRetryRule, payAtOrderRule, type Language, type Rule, type StorePolicy } from '@vitrine/policy';

/** The rule each kind of due takes its deadline from (use-cases: apply-stock-outcome, release-balances, arrival-notices, settle-payments). */
const deadlineRules: Partial<Record<PaymentPurpose, (policy: StorePolicy, lang: Language) => Rule>> = {
  DEPOSIT: payAtOrderRule,
  FULL_PAYMENT: payAtOrderRule,
  DOWN_PAYMENT: payAtOrderRule,
  BALANCE: balanceDueRule,
  ARRIVAL_PAYMENT: arrivalPaymentRule,
  CHARGE_AT_SHIP: chargeAtShipRetryRule,
};

/**
 * A due's stored rule sentence (English, written when its deadline was set) in `lang`: the same rule of the order's
 * policy version worded again, when its English is exactly what was stored; the stored sentence otherwise (a due
 * without a rule stays without one).
 */
export function dueRuleIn(policy: StorePolicy, purpose: PaymentPurpose, stored: string | null, lang: Language): string | null {
  const build = deadlineRules[purpose];
  if (stored === null || lang === 'en' || !build) return stored;
  return build(policy, 'en').text === stored ? build(policy, lang).text : stored;
}
