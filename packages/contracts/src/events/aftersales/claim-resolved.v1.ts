import { z } from 'zod';
import { topics } from '../../topics.js';
import { moneySchema } from '../shared/money.js';
import { claimResolutionKinds } from './claim-terms.js';

/**
 * A claim is closed with the resolution its customer chose among the offers.
 * `refund` is compensation payments pays back (PARTIAL_REFUND,
 * KEEP_WITH_DISCOUNT); a returned item's money goes with ReturnReceived.
 */
export const claimResolvedV1 = {
  type: 'aftersales.claim.resolved',
  version: 1,
  topic: topics.aftersalesClaim,
  schema: z.object({
    claimId: z.uuid(),
    orderId: z.uuid(),
    customerId: z.uuid(),
    productId: z.uuid(),
    resolution: z.enum(claimResolutionKinds),
    refund: moneySchema.nullable(),
    /** The staff member who closed it once carried out (a part shipped, an item exchanged); null when it closed as the customer chose. */
    closedBy: z.uuid().nullable(),
    resolvedAt: z.iso.datetime({ offset: true }),
  }),
} as const;
