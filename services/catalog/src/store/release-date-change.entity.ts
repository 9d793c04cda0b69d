import { defineEntity, p } from '@mikro-orm/core';

/** One change of a product's estimated release date: the history customers and staff see. */
export const ReleaseDateChangeSchema = defineEntity({
  name: 'ReleaseDateChange',
  tableName: 'release_date_change',
  properties: {
    id: p.uuid().primary(),
    productId: p.uuid(),
    /** Null for the product's first estimate. */
    oldEstimate: p.string().length(10).nullable(),
    newEstimate: p.string().length(10),
    reason: p.string().length(500),
    changedBy: p.uuid(),
    changedAt: p.datetime(),
  },
  indexes: [{ properties: ['productId', 'changedAt'] }],
});

export class ReleaseDateChange extends ReleaseDateChangeSchema.class {}
ReleaseDateChangeSchema.setClass(ReleaseDateChange);
