import { z } from 'zod';
import { topics } from '../../topics.js';
import { moneySchema } from '../shared/money.js';
import { paymentPurposes } from '../shared/payment-purpose.js';

/** A charge failed; `reason` is for the customer, `providerCode` for staff. The dues stay open. */
export const paymentFailedV1 = {
  type: 'payments.payment.failed',
  version: 1,
  topic: topics.paymentsPayment,
  schema: z.object({
    paymentId: z.uuid(),
    customerId: z.uuid(),
    purpose: z.enum(paymentPurposes),
    amount: moneySchema,
    dues: z.array(z.object({ orderId: z.uuid(), dueId: z.uuid() })).min(1),
    reason: z.string().max(300),
    providerCode: z.string().max(80).nullable(),
    failedAt: z.iso.datetime({ offset: true }),
  }),
} as const;
