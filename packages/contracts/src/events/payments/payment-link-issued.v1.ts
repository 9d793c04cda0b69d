import { z } from 'zod';
import { topics } from '../../topics.js';
import { moneySchema } from '../shared/money.js';
import { paymentPurposes } from '../shared/payment-purpose.js';

/**
 * A due the customer pays themselves now has a pay-now link: notifications
 * puts `url` in the balance-due / arrival email. The link is signed by
 * payments, names the customer and the order's due, and works until
 * `expiresAt` (it is the credential: treat it like a password-reset link).
 */
export const paymentLinkIssuedV1 = {
  type: 'payments.payment.link-issued',
  version: 1,
  topic: topics.paymentsPayment,
  schema: z.object({
    dueId: z.uuid(),
    orderId: z.uuid(),
    customerId: z.uuid(),
    purpose: z.enum(paymentPurposes),
    amount: moneySchema,
    dueAt: z.iso.datetime({ offset: true }).nullable(),
    url: z.url().max(4000),
    expiresAt: z.iso.datetime({ offset: true }),
  }),
} as const;
