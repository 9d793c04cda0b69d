import { z } from 'zod';
import { topics } from '../../topics.js';
import { moneySchema } from '../shared/money.js';
import { paymentPurposes } from '../shared/payment-purpose.js';

/**
 * An order owes money: payments collects exactly this (never an amount from
 * the client). One event per due; a due is settled by payments'
 * PaymentSucceeded naming its `dueId`, and void once the order is cancelled
 * or expired. `collect: STORED_METHOD` means payments charges the customer's
 * stored method itself (charge at ship); `CUSTOMER` means the customer pays
 * (checkout, pay-now link, bulk balance payment).
 */
export const paymentDueV1 = {
  type: 'orders.order.payment-due',
  version: 1,
  topic: topics.ordersOrder,
  schema: z.object({
    dueId: z.uuid(),
    orderId: z.uuid(),
    customerId: z.uuid(),
    purpose: z.enum(paymentPurposes),
    /** goods + shipping. */
    amount: moneySchema,
    /** The part of `amount` for the goods (deposit, balance, down payment...). */
    goods: moneySchema,
    /** The part of `amount` for shipping (the estimate, or the extra above it). */
    shipping: moneySchema,
    /** Deadline; null when due at once (checkout). Past it the order's policy decides (expiry, cancellation). */
    dueAt: z.iso.datetime({ offset: true }).nullable(),
    collect: z.enum(['CUSTOMER', 'STORED_METHOD']),
    /** The stored method to charge, for STORED_METHOD. */
    paymentMethodId: z.uuid().nullable(),
    /**
     * STORED_METHOD only: AUTOMATIC takes the money at once; AT_DISPATCH holds
     * it now (PaymentAuthorized) and takes it when the order ships, where the
     * provider can. Absent (events before it existed): AUTOMATIC.
     */
    capture: z.enum(['AUTOMATIC', 'AT_DISPATCH']).optional(),
  }),
} as const;
