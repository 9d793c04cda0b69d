import { defineEntity, p } from '@mikro-orm/core';

/**
 * Orders' projection of the flags staff set in accounts (CustomerFlagged /
 * CustomerUnflagged), one row per customer and flag. A lifted flag keeps its
 * row (inactive) with the time of the change, so events delivered out of
 * order are judged by time (domain/customer-standing).
 */
export const CustomerFlagSchema = defineEntity({
  name: 'CustomerFlag',
  tableName: 'customer_flag',
  properties: {
    customerId: p.uuid().primary(),
    /** Any flag name accounts sends (tolerant reader); only some change what orders does. */
    flag: p.string().length(32).primary(),
    active: p.boolean(),
    changedAt: p.datetime(),
  },
});

export class CustomerFlag extends CustomerFlagSchema.class {}
CustomerFlagSchema.setClass(CustomerFlag);
