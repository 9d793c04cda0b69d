import { z } from 'zod';
import { topics } from '../../topics.js';

/** A customer removed a stored payment method: orders charged at ship must ask for another before they can be charged. */
export const paymentMethodRemovedV1 = {
  type: 'payments.method.removed',
  version: 1,
  topic: topics.paymentsMethod,
  schema: z.object({ paymentMethodId: z.uuid(), customerId: z.uuid() }),
} as const;
