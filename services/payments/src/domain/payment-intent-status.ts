import { PolicyViolation } from '@vitrine/platform/domain';

/**
 * A payment intent's statuses:
 * - REQUIRES_PAYMENT_METHOD: opened, waiting for the customer's card;
 * - REQUIRES_ACTION: the bank asks for an extra confirmation (3-D Secure);
 * - PROCESSING: the provider is working on it (slow methods);
 * - REQUIRES_CAPTURE: authorised, to be captured later (charge at ship, where the provider allows it);
 * - SUCCEEDED: the money is captured (final; refunds are separate);
 * - FAILED: the last attempt failed (with a customer-readable reason and the
 *   provider's code); the customer may try again with another card;
 * - CANCELLED: abandoned, expired or voided (final; an authorisation is released).
 */
export const paymentIntentStatuses = [
  'REQUIRES_PAYMENT_METHOD',
  'REQUIRES_ACTION',
  'PROCESSING',
  'REQUIRES_CAPTURE',
  'SUCCEEDED',
  'FAILED',
  'CANCELLED',
] as const;
export type PaymentIntentStatus = (typeof paymentIntentStatuses)[number];

/** Nothing follows these. */
export const finalIntentStatuses: readonly PaymentIntentStatus[] = ['SUCCEEDED', 'CANCELLED'];

/** What may follow what; anything else (staying put included) is refused. */
export const intentTransitions: Readonly<Record<PaymentIntentStatus, readonly PaymentIntentStatus[]>> = {
  // The customer pays: the bank may ask for a confirmation, the provider may be slow, or it is decided at once.
  REQUIRES_PAYMENT_METHOD: ['REQUIRES_ACTION', 'PROCESSING', 'REQUIRES_CAPTURE', 'SUCCEEDED', 'FAILED', 'CANCELLED'],
  // Confirmed (or not) by the customer; they may also walk away (cancelled when the order expires).
  REQUIRES_ACTION: ['PROCESSING', 'REQUIRES_CAPTURE', 'SUCCEEDED', 'FAILED', 'CANCELLED'],
  // The provider decides; a processing payment cannot be cancelled.
  PROCESSING: ['REQUIRES_CAPTURE', 'SUCCEEDED', 'FAILED'],
  // Captured, refused at capture, or the authorisation released (order cancelled, or it expired).
  REQUIRES_CAPTURE: ['SUCCEEDED', 'FAILED', 'CANCELLED'],
  SUCCEEDED: [],
  // A new attempt with another card (charge at ship: the customer has a week), or given up.
  FAILED: ['REQUIRES_ACTION', 'PROCESSING', 'REQUIRES_CAPTURE', 'SUCCEEDED', 'CANCELLED'],
  CANCELLED: [],
};

export function canTransition(from: PaymentIntentStatus, to: PaymentIntentStatus): boolean {
  return intentTransitions[from].includes(to);
}

/** Throws POLICY_VIOLATION `PAYMENT_INTENT_STATUS_TRANSITION` (with from, to and the allowed moves) unless the move is allowed. */
export function transition(from: PaymentIntentStatus, to: PaymentIntentStatus): PaymentIntentStatus {
  if (canTransition(from, to)) return to;
  const message = from === to ? `The payment is already ${describe(from)}.` : `A payment that is ${describe(from)} cannot become ${describe(to)}.`;
  throw new PolicyViolation(message, 'PAYMENT_INTENT_STATUS_TRANSITION', { from, to, allowed: [...intentTransitions[from]] });
}

function describe(status: PaymentIntentStatus): string {
  return status.toLowerCase().replaceAll('_', ' ');
}

/** A status and when the provider says it happened (null: unknown). */
export interface StatusAt {
  status: PaymentIntentStatus;
  at: Date | null;
}

export type ProviderUpdateDecision =
  | { kind: 'apply'; status: PaymentIntentStatus }
  | { kind: 'ignore'; status: PaymentIntentStatus; reason: 'DUPLICATE' | 'STALE' }
  | { kind: 'anomaly'; status: PaymentIntentStatus; reason: 'CONTRADICTS_FINAL' };

/**
 * What a provider webhook does to an intent, when events arrive late, twice
 * or out of order. In order:
 * 1. A final status never changes. The other final status arriving (succeeded
 *    on a cancelled intent, or the reverse) is an anomaly for staff: money
 *    may have been taken on an intent we gave up. Anything else is stale.
 * 2. The same status again is a duplicate, except a newer FAILED (a later
 *    attempt failed too: its reason replaces the old one).
 * 3. A move the table does not allow is stale (a late PROCESSING after
 *    SUCCEEDED, a late REQUIRES_CAPTURE after a capture).
 * 4. A final status the table allows always applies: nothing comes before it.
 * 5. Otherwise an event older than the current status is stale (the failure
 *    of a first attempt arriving after the second attempt started).
 */
export function applyProviderUpdate(current: StatusAt, incoming: StatusAt): ProviderUpdateDecision {
  const stay = current.status;
  const older = current.at !== null && incoming.at !== null && incoming.at.getTime() < current.at.getTime();
  const newer = current.at !== null && incoming.at !== null && incoming.at.getTime() > current.at.getTime();
  if (finalIntentStatuses.includes(stay)) {
    if (incoming.status === stay) return { kind: 'ignore', status: stay, reason: 'DUPLICATE' };
    if (finalIntentStatuses.includes(incoming.status)) return { kind: 'anomaly', status: stay, reason: 'CONTRADICTS_FINAL' };
    return { kind: 'ignore', status: stay, reason: 'STALE' };
  }
  if (incoming.status === stay) return stay === 'FAILED' && newer ? { kind: 'apply', status: stay } : { kind: 'ignore', status: stay, reason: 'DUPLICATE' };
  if (!canTransition(stay, incoming.status)) return { kind: 'ignore', status: stay, reason: 'STALE' };
  if (finalIntentStatuses.includes(incoming.status)) return { kind: 'apply', status: incoming.status };
  if (older) return { kind: 'ignore', status: stay, reason: 'STALE' };
  return { kind: 'apply', status: incoming.status };
}

/** What payments holds of an intent, read without its locks. */
export interface IntentSnapshot extends StatusAt {
  providerPaymentId: string | null;
  /** An attempt's lease is still set (in_flight_until): an update would clear it. */
  inFlight: boolean;
}

/**
 * An update that cannot change a SUCCEEDED intent whose attempt is over (the
 * provider's payment id kept, no lease left): a duplicate or a stale event,
 * decided without the intent's locks, since nothing done meanwhile can make
 * it otherwise (SUCCEEDED is final, and applying it would write nothing).
 * null when that is not so, an anomaly included: those take the locked path.
 */
export function settledIntentIgnores(intent: IntentSnapshot, incoming: StatusAt): 'DUPLICATE' | 'STALE' | null {
  if (intent.status !== 'SUCCEEDED' || intent.providerPaymentId === null || intent.inFlight) return null;
  const decision = applyProviderUpdate(intent, incoming);
  return decision.kind === 'ignore' ? decision.reason : null;
}
