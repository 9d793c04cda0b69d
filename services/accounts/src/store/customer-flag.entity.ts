import { defineEntity, p } from '@mikro-orm/core';
import type { CustomerFlagKind } from '@vitrine/contracts';

/**
 * A flag staff set on a customer and not yet lifted (at most one row per
 * customer and flag). Lifting deletes the row; the audit log keeps the history.
 */
export const CustomerFlagSchema = defineEntity({
  name: 'CustomerFlag',
  tableName: 'customer_flag',
  properties: {
    id: p.uuid().primary(),
    /** Leads the unique index below, which serves lookups by customer. */
    customerId: p.uuid(),
    flag: p.string().length(32).$type<CustomerFlagKind>(),
    reason: p.string().length(500),
    flaggedBy: p.uuid(),
    flaggedAt: p.datetime(),
  },
  uniques: [{ properties: ['customerId', 'flag'] }],
});

export class CustomerFlag extends CustomerFlagSchema.class {}
CustomerFlagSchema.setClass(CustomerFlag);
