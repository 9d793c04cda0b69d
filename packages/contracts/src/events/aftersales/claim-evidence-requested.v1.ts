import { z } from 'zod';
import { topics } from '../../topics.js';

/** Staff need more evidence before deciding: the customer adds it and submits the claim again. */
export const claimEvidenceRequestedV1 = {
  type: 'aftersales.claim.evidence-requested',
  version: 1,
  topic: topics.aftersalesClaim,
  schema: z.object({
    claimId: z.uuid(),
    orderId: z.uuid(),
    customerId: z.uuid(),
    /** What staff ask for, in their words. */
    note: z.string().min(1).max(1000),
    requestedBy: z.uuid(),
    requestedAt: z.iso.datetime({ offset: true }),
  }),
} as const;
