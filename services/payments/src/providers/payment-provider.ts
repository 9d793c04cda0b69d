import type { PaymentIntentStatus } from '../domain/payment-intent-status.js';

/**
 * The one port every payment provider sits behind (the sandbox, Stripe).
 * Every call that changes something at the provider carries an idempotency
 * key derived from ours (`<intent id>:<attempt>`, `refund:<payout id>`...),
 * so a retry after a timeout or a crash never charges or refunds twice.
 */
export interface PaymentProvider {
  readonly name: ProviderName;
  /** Creates and confirms a payment in one call; the card is the token (one-off) or a stored method. */
  createPayment(request: CreatePaymentRequest, idempotencyKey: string): Promise<ProviderPayment>;
  /** The second step when the bank asked the customer for a confirmation (REQUIRES_ACTION). */
  confirmPayment(providerPaymentId: string, idempotencyKey: string): Promise<ProviderPayment>;
  /**
   * Captures an authorised payment (manual capture): `amount` of it, at most
   * what was authorised; the rest of the hold is released. A hold that lapsed
   * is refused (ProviderRejected `charge_expired_for_capture`).
   */
  capturePayment(providerPaymentId: string, amount: number, idempotencyKey: string): Promise<ProviderPayment>;
  /** Gives up a payment not captured (an abandoned confirmation, an authorisation released). */
  cancelPayment(providerPaymentId: string, idempotencyKey: string): Promise<ProviderPayment>;
  retrievePayment(providerPaymentId: string): Promise<ProviderPayment>;
  /** Refunds part or all of one charge. */
  refund(request: RefundRequest, idempotencyKey: string): Promise<ProviderRefundResult>;
  /** Our customer at the provider (created once, then stored by payments). */
  createCustomer(customerId: string, idempotencyKey: string): Promise<string>;
  /** Stores a card for later (a SetupIntent on Stripe), attached to the provider customer. */
  saveMethod(request: SaveMethodRequest, idempotencyKey: string): Promise<SavedMethod>;
  /** Detaches a stored card at the provider. */
  removeMethod(providerMethodId: string): Promise<void>;
  /** Checks the signature and reads the event; throws WebhookSignatureError when it is not the provider's. */
  parseWebhook(rawBody: string, headers: Record<string, string | string[] | undefined>): ProviderEvent;
  /** Succeeded charges and refunds since a time, for the ledger's reconciliation. */
  listCharges(since: Date): Promise<ProviderChargeRecord[]>;
  listRefunds(since: Date): Promise<ProviderRefundRecord[]>;
}

export type ProviderName = 'sandbox' | 'stripe';

export interface CreatePaymentRequest {
  /** Ours, also sent as metadata so a webhook or a listing can be matched back. */
  intentId: string;
  amount: number;
  currency: string;
  /** A one-off token (sandbox test token, Stripe PaymentMethod id) or a stored method. */
  method: { token: string } | { providerMethodId: string; providerCustomerId: string | null };
  /** `manual` authorises only (capture later). */
  capture: 'automatic' | 'manual';
  /** Charged without the customer present (charge at ship): the provider may not ask for a confirmation. */
  offSession: boolean;
  /** Attach the card to this provider customer for later use once it succeeds. */
  saveForCustomer: string | null;
  description: string;
}

export interface ProviderPayment {
  id: string;
  status: PaymentIntentStatus;
  /** Set once captured (what refunds are taken from). */
  chargeId: string | null;
  amount: number;
  currency: string;
  /** The decline or error code of the last failed attempt (FAILED). */
  failureCode: string | null;
  /** REQUIRES_ACTION: where the customer confirms, when the provider hosts it. */
  nextActionUrl: string | null;
  /** The card used, as the customer recognises it, and its stored form when saved for later. */
  method: SavedMethod | null;
  /** When the provider says this status happened; null when it does not say. */
  at: Date | null;
}

export interface RefundRequest {
  chargeId: string;
  amount: number;
  currency: string;
  /** Ours, sent as metadata. */
  refundId: string;
  payoutId: string;
}

export interface ProviderRefundResult {
  id: string;
  status: 'SUCCEEDED' | 'PENDING' | 'FAILED';
  chargeId: string;
  amount: number;
  currency: string;
  failureCode: string | null;
}

export interface SaveMethodRequest {
  token: string;
  providerCustomerId: string;
}

export interface SavedMethod {
  providerMethodId: string;
  providerCustomerId: string | null;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
}

/** A webhook event, read into what payments acts on. */
export type ProviderEvent =
  | { id: string; kind: 'payment'; type: string; payment: ProviderPayment; intentId: string | null; at: Date | null }
  | { id: string; kind: 'refund'; type: string; refund: ProviderRefundResult; payoutId: string | null; at: Date | null }
  | { id: string; kind: 'other'; type: string; at: Date | null };

export interface ProviderChargeRecord {
  chargeId: string;
  amount: number;
  currency: string;
  /** Our intent, from the metadata we sent. */
  intentId: string | null;
}

export interface ProviderRefundRecord {
  refundId: string;
  chargeId: string;
  amount: number;
  currency: string;
}

/**
 * The provider did not answer usefully: down, slow, overloaded. `maybeApplied`
 * says whether the request may have taken effect anyway (a timeout, a 500):
 * then the intent waits as PROCESSING and is re-checked with the same key.
 */
export class ProviderUnavailable extends Error {
  constructor(
    message: string,
    readonly maybeApplied: boolean,
    readonly code: string = maybeApplied ? 'timeout' : 'api_connection_error',
  ) {
    super(message);
    this.name = 'ProviderUnavailable';
  }
}

/** The provider refused the request itself (not a card decline): a bad token, an unknown object. */
export class ProviderRejected extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
    this.name = 'ProviderRejected';
  }
}

export class WebhookSignatureError extends Error {
  constructor(message = 'The webhook signature is not valid.') {
    super(message);
    this.name = 'WebhookSignatureError';
  }
}

/** Runs a provider call with a deadline: past it the caller treats the outcome as unknown (maybe applied). */
export async function withTimeout<T>(call: () => Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProviderUnavailable(`${what}: no answer within ${timeoutMs} ms`, true, 'timeout')), timeoutMs);
  });
  try {
    return await Promise.race([call(), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
