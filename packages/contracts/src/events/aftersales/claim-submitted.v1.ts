import { z } from 'zod';
import { topics } from '../../topics.js';
import { claimKinds } from './claim-terms.js';

/** A customer submitted a claim on a delivered order line, with its evidence checked in object storage. */
export const claimSubmittedV1 = {
  type: 'aftersales.claim.submitted',
  version: 1,
  topic: topics.aftersalesClaim,
  schema: z.object({
    claimId: z.uuid(),
    orderId: z.uuid(),
    customerId: z.uuid(),
    productId: z.uuid(),
    kind: z.enum(claimKinds),
    /** The store policy version the claim is judged by (the order's). */
    policyVersion: z.number().int().positive(),
    evidenceCount: z.number().int().nonnegative(),
    submittedAt: z.iso.datetime({ offset: true }),
  }),
} as const;
