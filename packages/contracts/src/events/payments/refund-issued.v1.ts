import { z } from 'zod';
import { topics } from '../../topics.js';
import { moneySchema } from '../shared/money.js';

/**
 * Refund reasons, from whoever decided it. DUPLICATE_PAYMENT: payments gave
 * back a payment that arrived for a due another payment had already settled
 * (two attempts both went through).
 */
export const refundReasons = ['CANCELLATION', 'EXPIRY', 'RETURN', 'SHIPPING_EXCESS', 'AFTER_SALES', 'RETURN_TO_SENDER', 'STAFF', 'DUPLICATE_PAYMENT'] as const;
export type RefundReason = (typeof refundReasons)[number];

/** Money went back to the customer (provider refund succeeded). */
export const refundIssuedV1 = {
  type: 'payments.refund.issued',
  version: 1,
  topic: topics.paymentsPayment,
  schema: z.object({
    refundId: z.uuid(),
    orderId: z.uuid(),
    customerId: z.uuid(),
    amount: moneySchema,
    reason: z.enum(refundReasons),
    issuedAt: z.iso.datetime({ offset: true }),
  }),
} as const;
