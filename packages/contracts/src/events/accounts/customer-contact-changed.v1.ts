import { z } from 'zod';
import { maxEmailLength } from '../../email.js';
import { topics } from '../../topics.js';

/**
 * Where and how to write to a customer: their registered email (normalised)
 * and the name they go by. Published with every account's creation and
 * whenever either changes; the latest one wins. Personal data: only the
 * services that write to customers (notifications) consume it, and they
 * erase it on `accounts.customer.deleted`. CustomerRegistered stays free of
 * personal data for every other consumer.
 */
export const customerContactChangedV1 = {
  type: 'accounts.customer.contact-changed',
  version: 1,
  topic: topics.accountsCustomer,
  schema: z.object({
    customerId: z.uuid(),
    email: z.string().min(3).max(maxEmailLength),
    displayName: z.string().max(200),
  }),
} as const;
