import { z } from 'zod';
import { topics } from '../../topics.js';
import { moneySchema } from '../shared/money.js';
import { paymentPurposes } from '../shared/payment-purpose.js';

/**
 * The money is held on the customer's card, not yet taken (manual capture:
 * charge at ship authorises when the shipping date is fixed and captures when
 * the parcel leaves). The dues it names are secured: the order may be
 * fulfilled. PaymentSucceeded follows at capture; PaymentFailed if the capture
 * and a fresh charge of the stored card both fail; nothing follows when the
 * order ends first (the hold is released).
 */
export const paymentAuthorizedV1 = {
  type: 'payments.payment.authorized',
  version: 1,
  topic: topics.paymentsPayment,
  schema: z.object({
    paymentId: z.uuid(),
    customerId: z.uuid(),
    purpose: z.enum(paymentPurposes),
    amount: moneySchema,
    allocations: z.array(z.object({ orderId: z.uuid(), dueId: z.uuid(), amount: moneySchema })).min(1),
    provider: z.string().max(40),
    authorizedAt: z.iso.datetime({ offset: true }),
  }),
} as const;
