import { z } from 'zod';
import { topics } from '../../topics.js';

/**
 * Staff published a new store policy version. Orders snapshots the active
 * version on each order; other services (after-sales, logistics) keep the
 * versions they need from this event. `document` is the policy as
 * @vitrine/policy validates it.
 */
export const storePolicyPublishedV1 = {
  type: 'orders.policy.published',
  version: 1,
  topic: topics.ordersPolicy,
  schema: z.object({
    version: z.number().int().positive(),
    policyId: z.string().min(1).max(80),
    document: z.record(z.string(), z.unknown()),
    publishedAt: z.iso.datetime({ offset: true }),
    publishedBy: z.uuid().nullable(),
    note: z.string().max(500).nullable(),
  }),
} as const;
