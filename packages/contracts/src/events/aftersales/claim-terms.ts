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

/** What staff decided a claim resolves into: payments refunds, logistics ships a part, or the customer sends the item back. */
export const claimResolutions = ['PARTIAL_REFUND', 'REPLACEMENT_PART', 'RETURN'] as const;
export type ClaimResolution = (typeof claimResolutions)[number];
