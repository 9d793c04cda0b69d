/** Why a customer who asked to be told about a product hears from the store (`catalog.product.availability-alert`). */
export const availabilityAlertReasons = [
  /** Its preorder window opened. */
  'PREORDER_OPENED',
  /** Units of a sold-out limited run came back and nobody on its waitlist is waiting for them: anyone may preorder them. */
  'UNITS_RETURNED',
  /** A sold-out product is for sale from stock again. */
  'BACK_IN_STOCK',
] as const;
export type AvailabilityAlertReason = (typeof availabilityAlertReasons)[number];

/** How a waitlist offer ended (`catalog.product.waitlist-offer-ended`). */
export const waitlistOfferOutcomes = [
  /** The customer's order took the held units. */
  'TAKEN',
  /** Its time ran out: the units went to the next customer waiting, or back to everyone. */
  'EXPIRED',
  /** The customer left the waitlist before ordering. */
  'WITHDRAWN',
] as const;
export type WaitlistOfferOutcome = (typeof waitlistOfferOutcomes)[number];
