import { z } from 'zod';
import { topics } from '../../topics.js';
import { moneySchema } from '../shared/money.js';
import { refundReasons } from './refund-issued.v1.js';

/** The provider refused a refund: staff must settle it by other means; the amount stays owed to the customer. */
export const refundFailedV1 = {
  type: 'payments.refund.failed',
  version: 1,
  topic: topics.paymentsPayment,
  schema: z.object({
    refundId: z.uuid(),
    orderId: z.uuid(),
    customerId: z.uuid(),
    amount: moneySchema,
    reason: z.enum(refundReasons),
    providerCode: z.string().max(80).nullable(),
    failedAt: z.iso.datetime({ offset: true }),
  }),
} as const;
