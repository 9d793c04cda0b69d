/** Why a payment failed, in the customer's terms. The provider's own code is kept apart, for staff. */
export const failureKinds = [
  'CARD_DECLINED',
  'INSUFFICIENT_FUNDS',
  'EXPIRED_CARD',
  'INCORRECT_CARD_DETAILS',
  'AUTHENTICATION_REQUIRED',
  'PROVIDER_UNAVAILABLE',
  'PAYMENT_FAILED',
] as const;
export type FailureKind = (typeof failureKinds)[number];

export interface PaymentFailure {
  kind: FailureKind;
  /** Shown to the customer: never the provider's code. */
  message: string;
  /** The provider's decline or error code, for staff and logs; null when it gave none. */
  providerCode: string | null;
  /** Trying again later with the same card may work (the provider was down), rather than using another card. */
  retryable: boolean;
}

export const failureMessages: Readonly<Record<FailureKind, string>> = {
  CARD_DECLINED: 'Your card was declined. Please use another card or contact your bank.',
  INSUFFICIENT_FUNDS: 'Your card has insufficient funds. Please use another card.',
  EXPIRED_CARD: 'Your card has expired. Please use another card.',
  INCORRECT_CARD_DETAILS: 'Some of your card details are incorrect. Please check them and try again.',
  AUTHENTICATION_REQUIRED: 'Your bank asks you to confirm this payment. Please pay again and complete the confirmation step.',
  PROVIDER_UNAVAILABLE: 'The payment service is unavailable for a moment. Please try again shortly; you have not been charged.',
  PAYMENT_FAILED: 'The payment could not be completed. Please try again or use another card.',
};

/**
 * Provider decline and error codes (Stripe's names; other providers' adapters
 * map theirs to these) by kind. Fraud-related declines read as a plain
 * decline: a customer is never told their card is flagged as lost, stolen
 * or fraudulent.
 */
export const providerCodesByKind: Readonly<Record<Exclude<FailureKind, 'PAYMENT_FAILED'>, readonly string[]>> = {
  CARD_DECLINED: [
    'card_declined',
    'generic_decline',
    'do_not_honor',
    'do_not_try_again',
    'fraudulent',
    'lost_card',
    'stolen_card',
    'pickup_card',
    'restricted_card',
    'security_violation',
    'transaction_not_allowed',
    'card_not_supported',
    'currency_not_supported',
    'card_velocity_exceeded',
    'withdrawal_count_limit_exceeded',
    'merchant_blacklist',
    'not_permitted',
    'service_not_allowed',
  ],
  INSUFFICIENT_FUNDS: ['insufficient_funds'],
  EXPIRED_CARD: ['expired_card'],
  INCORRECT_CARD_DETAILS: [
    'incorrect_number',
    'invalid_number',
    'incorrect_cvc',
    'invalid_cvc',
    'invalid_expiry_month',
    'invalid_expiry_year',
    'incorrect_zip',
  ],
  AUTHENTICATION_REQUIRED: ['authentication_required', 'payment_intent_authentication_failure', 'approve_with_id'],
  PROVIDER_UNAVAILABLE: ['processing_error', 'issuer_not_available', 'try_again_later', 'api_connection_error', 'api_error', 'rate_limit', 'timeout'],
};

const kindByCode = new Map<string, FailureKind>(
  Object.entries(providerCodesByKind).flatMap(([kind, codes]) => codes.map((code) => [code, kind as FailureKind] as const)),
);

/** The customer-readable failure for a provider code (unknown or missing codes read as a generic failure). */
export function describeFailure(providerCode: string | null | undefined): PaymentFailure {
  const code = providerCode?.trim() ? providerCode.trim() : null;
  const kind = (code && kindByCode.get(code.toLowerCase())) || 'PAYMENT_FAILED';
  return { kind, message: failureMessages[kind], providerCode: code, retryable: kind === 'PROVIDER_UNAVAILABLE' };
}
