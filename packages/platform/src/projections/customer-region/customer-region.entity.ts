import { defineEntity, p } from '@mikro-orm/core';

/**
 * A service's own copy of each customer's country, fed by accounts'
 * CustomerRegistered / CustomerRegionChanged (orders for region blocks,
 * catalog to tell a customer what they can order). `changedAt` is the time
 * accounts made the change, so an older event delivered late is ignored.
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
