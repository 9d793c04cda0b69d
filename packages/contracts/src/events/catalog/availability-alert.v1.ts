import { z } from 'zod';
import { topics } from '../../topics.js';
import { availabilityAlertReasons } from './product-interest.js';

/**
 * One customer asked to be told ("notify me") when a product they could not
 * order becomes orderable, and now it is. One event per customer; the
 * subscription is spent. Carries no address: notifications maps the customer
 * to one itself.
 */
export const availabilityAlertV1 = {
  type: 'catalog.product.availability-alert',
  version: 1,
  topic: topics.catalogProduct,
  schema: z.object({
    customerId: z.uuid(),
    productId: z.uuid(),
    reason: z.enum(availabilityAlertReasons),
    at: z.iso.datetime({ offset: true }),
  }),
} as const;
