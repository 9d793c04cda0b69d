import { defineEntity, p } from '@mikro-orm/core';
import type { PaymentPurpose } from '@vitrine/contracts';
import { paymentIntentStatuses, type PaymentIntentStatus } from '../domain/payment-intent-status.js';
import type { FailureKind } from '../domain/failure-reasons.js';

/** What the provider asks of the customer before it can go on (3-D Secure and the like). */
export interface NextAction {
  type: 'CONFIRM';
  /** The provider's own redirect, when it has one (Stripe's hosted authentication page). */
  redirectUrl: string | null;
}

/**
 * One attempt to collect one set of dues (one order, or several orders'
 * balances in one bulk charge). The amount comes from the dues, never from
 * the client. `inFlightUntil` marks a provider call under way: another
 * payment for the same dues waits for it rather than charging twice.
 */
export const PaymentIntentSchema = defineEntity({
  name: 'PaymentIntent',
  tableName: 'payment_intent',
  checks: [
    { name: 'payment_intent_amount_positive', expression: 'amount > 0' },
    { name: 'payment_intent_status_known', expression: `status in (${paymentIntentStatuses.map((s) => `'${s}'`).join(', ')})` },
    { name: 'payment_intent_capture_known', expression: `capture in ('AUTOMATIC', 'AT_DISPATCH')` },
  ],
  properties: {
    id: p.uuid().primary(),
    customerId: p.uuid().index(),
    purpose: p.string().length(32).$type<PaymentPurpose>(),
    amount: p.bigint('number'),
    currency: p.string().length(3),
    status: p.string().length(32).$type<PaymentIntentStatus>(),
    /** sandbox or stripe: who holds the money. */
    provider: p.string().length(16),
    providerPaymentId: p.string().length(255).nullable(),
    providerChargeId: p.string().length(255).nullable(),
    /** A saved method charged (charge at ship, one-click), or null for a one-off token. */
    paymentMethodId: p.uuid().nullable(),
    /** The one-off token paid with (a provider reference, never a card number): a re-check re-issues the same request. */
    methodToken: p.string().length(255).nullable(),
    /** e.g. "visa 4242", for the customer's history. */
    methodLabel: p.string().length(64).nullable(),
    /** Save the card for later once this payment succeeds. */
    saveMethod: p.boolean().default(false),
    /** Who started it: the customer at checkout or the pay-now page, or payments itself (charge at ship). */
    initiatedBy: p.string().length(16).$type<'CUSTOMER' | 'SYSTEM'>(),
    failureKind: p.string().length(32).$type<FailureKind>().nullable(),
    failureMessage: p.string().length(300).nullable(),
    /** The provider's own code: for staff, never shown to the customer. */
    failureCode: p.string().length(80).nullable(),
    /** AT_DISPATCH: authorised on the stored card and captured once the order ships (charge at ship, where the policy says so). */
    capture: p.string().length(16).$type<'AUTOMATIC' | 'AT_DISPATCH'>().default('AUTOMATIC'),
    /** When the provider authorised it, and the amount it first held (the capture may take less: shipping below the estimate). */
    authorizedAt: p.datetime().nullable(),
    heldAmount: p.bigint('number').nullable(),
    attempts: p.integer().default(0),
    inFlightUntil: p.datetime().nullable(),
    /** When the provider says the current status happened (webhooks), for out-of-order updates. */
    statusAt: p.datetime().nullable(),
    nextAction: p.json<NextAction>().nullable(),
    /** Something staff must look at (money captured on an intent we had given up...). */
    anomaly: p.string().length(500).nullable(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
    succeededAt: p.datetime().nullable(),
  },
  uniques: [{ name: 'payment_intent_provider_payment_unique', properties: ['provider', 'providerPaymentId'] }],
  indexes: [{ properties: ['status', 'createdAt'] }],
});

export class PaymentIntent extends PaymentIntentSchema.class {}
PaymentIntentSchema.setClass(PaymentIntent);
