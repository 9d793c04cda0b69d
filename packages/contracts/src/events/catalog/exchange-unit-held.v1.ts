import { z } from 'zod';
import { topics } from '../../topics.js';

/**
 * An exchange's new unit (after-sales' ClaimReplacementRequested, EXCHANGE):
 * HELD in a warehouse under the claim, so no order can take it, and taken
 * out of stock when logistics dispatches the replacement; or UNAVAILABLE
 * (no unit on hand anywhere), for staff to offer something else.
 */
export const exchangeUnitHeldV1 = {
  type: 'catalog.stock.exchange-unit',
  version: 1,
  topic: topics.catalogStock,
  schema: z.object({
    claimId: z.uuid(),
    productId: z.uuid(),
    outcome: z.enum(['HELD', 'UNAVAILABLE']),
    /** HELD: where the unit waits; null when UNAVAILABLE. */
    warehouseId: z.uuid().nullable(),
    at: z.iso.datetime({ offset: true }),
  }),
} as const;
