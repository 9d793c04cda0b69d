import { defineEntity, p } from '@mikro-orm/core';
import type { RefundReason as EventRefundReason } from '@vitrine/contracts';
import type { RefundReason as LedgerRefundReason } from '../domain/ledger.js';
import type { RefundStatus } from '../domain/refund-status.js';

/**
 * Money decided to go back to a customer on one order: booked in the ledger
 * (REFUND_DECIDED) when decided, then paid out by the provider in one payout
 * per charge it is taken from (newest charge first).
 */
export const RefundSchema = defineEntity({
  name: 'Refund',
  tableName: 'refund',
  checks: [
    { name: 'refund_amount_positive', expression: 'amount > 0' },
    { name: 'refund_status_known', expression: `status in ('PENDING', 'SUCCEEDED', 'FAILED', 'PARTIALLY_FAILED')` },
  ],
  properties: {
    id: p.uuid().primary(),
    orderId: p.uuid().index(),
    customerId: p.uuid(),
    /** Why, in the events' vocabulary (who decided it). */
    reason: p.string().length(32).$type<EventRefundReason>(),
    /** Which of the order's accounts it is paid from (domain/ledger-movements refundSources). */
    ledgerReason: p.string().length(32).$type<LedgerRefundReason>(),
    amount: p.bigint('number'),
    currency: p.string().length(3),
    status: p.string().length(32).$type<RefundStatus>(),
    /** The staff member who asked for it; null when an event decided it. */
    requestedBy: p.uuid().nullable(),
    note: p.string().length(500).nullable(),
    createdAt: p.datetime(),
    completedAt: p.datetime().nullable(),
  },
});

export class Refund extends RefundSchema.class {}
RefundSchema.setClass(Refund);
