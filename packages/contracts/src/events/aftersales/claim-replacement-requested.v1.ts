import { z } from 'zod';
import { topics } from '../../topics.js';
import { claimResolutionKinds } from './claim-terms.js';

/** The resolutions that put something in a parcel for the customer: a part, or a new unit of the product. */
export const replacementResolutions = ['REPLACEMENT_PART', 'EXCHANGE'] as const satisfies readonly (typeof claimResolutionKinds)[number][];
export type ReplacementResolution = (typeof replacementResolutions)[number];

const windowSchema = z.object({ earliest: z.iso.date(), latest: z.iso.date() });

/**
 * The customer chose a replacement part or an exchange among a claim's
 * offers: logistics ships it at the store's cost (a replacement shipment,
 * never charged, never combined with paid parcels). `parts` are the claim's
 * parts (the catalog's name when the customer named one); `leadTime` is the
 * offer's (when the part should reach the customer) and `atWarehouse` when
 * the studio's part should reach the warehouse (null: made on demand, or the
 * policy promises no time; an exchange ships a unit from stock). The claim
 * closes when logistics dispatches it (ShipmentDispatched, kind REPLACEMENT).
 */
export const claimReplacementRequestedV1 = {
  type: 'aftersales.claim.replacement-requested',
  version: 1,
  topic: topics.aftersalesClaim,
  schema: z.object({
    claimId: z.uuid(),
    orderId: z.uuid(),
    customerId: z.uuid(),
    productId: z.uuid(),
    resolution: z.enum(replacementResolutions),
    parts: z.array(
      z.object({
        /** The catalog's part name, or null when the customer named only its category. */
        name: z.string().min(1).max(120).nullable(),
        category: z.string().min(1).max(60),
        issue: z.string().min(1).max(60),
      }),
    ),
    leadTime: z
      .object({
        outcome: z.enum(['WINDOW', 'MADE_ON_DEMAND', 'NO_ESTIMATE']),
        earliest: z.iso.date().nullable(),
        latest: z.iso.date().nullable(),
      })
      .nullable(),
    atWarehouse: windowSchema.nullable(),
    requestedAt: z.iso.datetime({ offset: true }),
  }),
} as const;
