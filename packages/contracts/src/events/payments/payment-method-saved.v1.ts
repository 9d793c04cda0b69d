import { z } from 'zod';
import { topics } from '../../topics.js';

/** A customer stored a payment method (a provider token; never a card number) for charge at ship or one-click balances. */
export const paymentMethodSavedV1 = {
  type: 'payments.method.saved',
  version: 1,
  topic: topics.paymentsMethod,
  schema: z.object({
    paymentMethodId: z.uuid(),
    customerId: z.uuid(),
    brand: z.string().max(40),
    last4: z.string().regex(/^\d{4}$/),
    expMonth: z.number().int().min(1).max(12),
    expYear: z.number().int().min(2000).max(2200),
  }),
} as const;
