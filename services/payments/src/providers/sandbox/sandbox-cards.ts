/**
 * What a sandbox card does when charged, chosen by the test token or the
 * test card number (the usual ones, as Stripe's test mode knows them).
 */
export const sandboxBehaviors = ['SUCCEEDS', 'DECLINED', 'INSUFFICIENT_FUNDS', 'EXPIRED_CARD', 'REQUIRES_ACTION', 'PROCESSING', 'REFUND_FAILS'] as const;
export type SandboxBehavior = (typeof sandboxBehaviors)[number];

export interface SandboxCard {
  behavior: SandboxBehavior;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
}

const card = (behavior: SandboxBehavior, brand: string, last4: string): SandboxCard => ({ behavior, brand, last4, expMonth: 12, expYear: 2034 });

/** Tokens a client may pay with directly (`paymentMethod: { token }`), like Stripe's `pm_card_visa`. */
export const sandboxTokens: Readonly<Record<string, SandboxCard>> = {
  sandbox_visa: card('SUCCEEDS', 'visa', '4242'),
  sandbox_mastercard: card('SUCCEEDS', 'mastercard', '4444'),
  sandbox_declined: card('DECLINED', 'visa', '0002'),
  sandbox_insufficient_funds: card('INSUFFICIENT_FUNDS', 'visa', '9995'),
  sandbox_expired_card: card('EXPIRED_CARD', 'visa', '0069'),
  sandbox_requires_action: card('REQUIRES_ACTION', 'visa', '3155'),
  /** Stays PROCESSING for SANDBOX_PROCESSING_MS, then succeeds: its outcome arrives by webhook only. */
  sandbox_processing: card('PROCESSING', 'visa', '0077'),
  /** Charges fine; refunds against it fail. */
  sandbox_refund_fails: card('REFUND_FAILS', 'visa', '0005'),
};

/** Test card numbers for the hosted pay-now page. */
export const sandboxCardNumbers: Readonly<Record<string, SandboxBehavior>> = {
  '4242424242424242': 'SUCCEEDS',
  '5555555555554444': 'SUCCEEDS',
  '4000000000000002': 'DECLINED',
  '4000000000009995': 'INSUFFICIENT_FUNDS',
  '4000000000000069': 'EXPIRED_CARD',
  '4000002500003155': 'REQUIRES_ACTION',
};

/** The provider's decline code for a card that does not succeed. */
export const declineCodes: Partial<Record<SandboxBehavior, string>> = {
  DECLINED: 'generic_decline',
  INSUFFICIENT_FUNDS: 'insufficient_funds',
  EXPIRED_CARD: 'expired_card',
};

export function isLuhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function brandOf(digits: string): string {
  if (/^4/.test(digits)) return 'visa';
  if (/^(5[1-5]|2[2-7])/.test(digits)) return 'mastercard';
  if (/^3[47]/.test(digits)) return 'amex';
  return 'card';
}

/**
 * Reads a card typed on the pay-now page: a refusal code (the provider's
 * words, for `describeFailure`) or the card. The number itself goes no
 * further than this function: only brand, last four digits and expiry are kept.
 */
export function readCard(
  input: { number: string; expMonth: string; expYear: string; cvc: string },
  now: Date,
): { ok: true; card: SandboxCard } | { ok: false; code: string } {
  const digits = input.number.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(digits) || !isLuhnValid(digits)) return { ok: false, code: 'incorrect_number' };
  const month = Number(input.expMonth);
  let year = Number(input.expYear);
  if (!Number.isInteger(month) || month < 1 || month > 12) return { ok: false, code: 'invalid_expiry_month' };
  if (!Number.isInteger(year)) return { ok: false, code: 'invalid_expiry_year' };
  if (year < 100) year += 2000;
  if (year < now.getUTCFullYear() || (year === now.getUTCFullYear() && month < now.getUTCMonth() + 1) || year > 2200) {
    return { ok: false, code: 'invalid_expiry_year' };
  }
  if (!/^\d{3,4}$/.test(input.cvc.trim())) return { ok: false, code: 'invalid_cvc' };
  // Any other valid number is declined, as in a provider's test mode.
  const behavior = sandboxCardNumbers[digits] ?? 'DECLINED';
  return { ok: true, card: { behavior, brand: brandOf(digits), last4: digits.slice(-4), expMonth: month, expYear: year } };
}
