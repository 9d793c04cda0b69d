/** What a claim is about (DOMAIN section 7). */
export const claimKinds = [
  'MIS_SHIPMENT',
  'ACCESSORY_MISSING',
  'ACCESSORY_DAMAGED',
  'ACCESSORY_PRODUCED_IN_ERROR',
  'SHIPPING_DAMAGE',
  'QUALITY_DEFECT',
] as const;
export type ClaimKind = (typeof claimKinds)[number];

/** What staff decided a claim resolves into: payments refunds, logistics ships a part, or the customer sends the item back (ClaimDecided v1 knows only these). */
export const claimResolutions = ['PARTIAL_REFUND', 'REPLACEMENT_PART', 'RETURN'] as const;
export type ClaimResolution = (typeof claimResolutions)[number];

/**
 * Every resolution a store policy may offer for a claim (ClaimOffered,
 * ClaimResolved): the three above, an exchange for a new unit (003), and
 * keeping a mis-shipped item with a discount (001).
 */
export const claimResolutionKinds = [...claimResolutions, 'EXCHANGE', 'KEEP_WITH_DISCOUNT'] as const;
export type ClaimResolutionKind = (typeof claimResolutionKinds)[number];

/** Who pays the postage of an item sent back: the store, both (001: "share a part of postage"), or the customer (000). */
export const returnPostagePayers = ['STORE', 'SHARED', 'CUSTOMER'] as const;
export type ReturnPostagePayer = (typeof returnPostagePayers)[number];
