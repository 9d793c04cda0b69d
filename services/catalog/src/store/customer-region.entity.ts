import { defineEntity, p } from '@mikro-orm/core';

/**
 * Catalog's projection of each customer's country (CustomerRegistered,
 * CustomerRegionChanged), to tell a signed-in customer whether a product can
 * be ordered where they live. `changedAt` is the time accounts made the
 * change, so an older event delivered late is ignored (domain/customer-region).
 */
export const CustomerRegionSchema = defineEntity({
  name: 'CustomerRegion',
  tableName: 'customer_region',
  properties: {
    customerId: p.uuid().primary(),
    /** ISO 3166-1 alpha-2. */
    country: p.string().length(2),
    changedAt: p.datetime(),
  },
});

export class CustomerRegion extends CustomerRegionSchema.class {}
CustomerRegionSchema.setClass(CustomerRegion);
