import { defineEntity, p } from '@mikro-orm/core';
import { offerStates, type OfferState } from '../domain/product-interest.js';

/**
 * Units of a sold-out run held for one waitlist entry until `expiresAt`. The
 * units stay counted as reserved in the product's pool (a RESERVED movement
 * without an order), so no one else can take them; the customer's order
 * swaps the hold for its own reservation, and an expiry passes it on.
 */
export const WaitlistOfferSchema = defineEntity({
  name: 'WaitlistOffer',
  tableName: 'waitlist_offer',
  checks: [
    { name: 'waitlist_offer_state_known', expression: `state in (${offerStates.map((s) => `'${s}'`).join(', ')})` },
    { name: 'waitlist_offer_quantity_positive', expression: 'quantity > 0' },
    { name: 'waitlist_offer_expires_after_offer', expression: 'expires_at > offered_at' },
  ],
  properties: {
    id: p.uuid().primary(),
    interestId: p.uuid().index(),
    customerId: p.uuid(),
    productId: p.uuid(),
    quantity: p.integer(),
    state: p.string().length(16).$type<OfferState>(),
    offeredAt: p.datetime(),
    expiresAt: p.datetime(),
    /** The order that took it (TAKEN). */
    orderId: p.uuid().nullable(),
    settledAt: p.datetime().nullable(),
  },
  indexes: [{ name: 'waitlist_offer_open', properties: ['productId', 'customerId', 'state'] }],
  // One open offer per waitlist entry.
  uniques: [
    {
      name: 'waitlist_offer_one_open',
      expression: `create unique index "waitlist_offer_one_open" on "catalog"."waitlist_offer" ("interest_id") where state = 'OPEN'`,
    },
  ],
});

export class WaitlistOffer extends WaitlistOfferSchema.class {}
WaitlistOfferSchema.setClass(WaitlistOffer);
