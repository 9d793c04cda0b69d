import { defineEntity, p } from '@mikro-orm/core';
import { activeInterestStates, interestKinds, interestStates, type InterestKind, type InterestState } from '../domain/product-interest.js';

const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * A customer's "notify me" or waitlist entry for a product. Kept after it is
 * spent (notified, fulfilled, lapsed, withdrawn) so the customer sees what
 * happened; at most one active entry per customer, product and kind.
 */
export const ProductInterestSchema = defineEntity({
  name: 'ProductInterest',
  tableName: 'product_interest',
  checks: [
    { name: 'product_interest_kind_known', expression: `kind in (${quoted(interestKinds)})` },
    { name: 'product_interest_state_known', expression: `state in (${quoted(interestStates)})` },
    { name: 'product_interest_quantity_positive', expression: 'quantity > 0' },
  ],
  properties: {
    id: p.uuid().primary(),
    customerId: p.uuid(),
    productId: p.uuid(),
    kind: p.string().length(16).$type<InterestKind>(),
    /** Units waited for (a waitlist entry); 1 for notify me. */
    quantity: p.integer(),
    state: p.string().length(16).$type<InterestState>(),
    /** Waitlist order: oldest first. */
    requestedAt: p.datetime(),
    /** When it was notified, fulfilled, lapsed or withdrawn. */
    settledAt: p.datetime().nullable(),
  },
  indexes: [
    { name: 'product_interest_queue', properties: ['productId', 'kind', 'state', 'requestedAt'] },
    { name: 'product_interest_customer', properties: ['customerId', 'requestedAt'] },
  ],
  // One active entry per customer, product and kind: notify me and join the waitlist are idempotent.
  uniques: [
    {
      name: 'product_interest_one_active',
      expression: `create unique index "product_interest_one_active" on "catalog"."product_interest" ("customer_id", "product_id", "kind") where state in (${quoted(activeInterestStates)})`,
    },
  ],
});

export class ProductInterest extends ProductInterestSchema.class {}
ProductInterestSchema.setClass(ProductInterest);
