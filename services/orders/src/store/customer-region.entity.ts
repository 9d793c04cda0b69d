import { defineEntity, p } from '@mikro-orm/core';

/**
 * Orders' projection of each customer's country (CustomerRegistered,
 * CustomerRegionChanged), for regional blocks. `changedAt` is the time
 * accounts made the change, so an older event delivered late is ignored
 * (domain/customer-region).
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
