import { z } from 'zod';
import { topics } from '../../topics.js';
import { moneySchema } from '../shared/money.js';
import { paymentPurposes } from '../shared/payment-purpose.js';

/** Money was captured: one payment may settle several orders' dues (bulk balances), each allocation naming the due it settles. */
export const paymentSucceededV1 = {
  type: 'payments.payment.succeeded',
  version: 1,
  topic: topics.paymentsPayment,
  schema: z.object({
    paymentId: z.uuid(),
    customerId: z.uuid(),
    purpose: z.enum(paymentPurposes),
    amount: moneySchema,
    allocations: z.array(z.object({ orderId: z.uuid(), dueId: z.uuid(), amount: moneySchema })).min(1),
    provider: z.string().max(40),
    succeededAt: z.iso.datetime({ offset: true }),
  }),
} as const;
