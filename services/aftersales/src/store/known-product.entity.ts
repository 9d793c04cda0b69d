import { defineEntity, p } from '@mikro-orm/core';

/** Projection of catalog: what coverage needs (the status a product is sold in, its release date). */
export const KnownProductSchema = defineEntity({
  name: 'KnownProduct',
  tableName: 'known_product',
  properties: {
    id: p.uuid().primary(),
    /** Catalog's status name as received (tolerant reader). */
    status: p.string().length(32).nullable(),
    releasedAt: p.datetime(3).nullable(),
  },
});

export class KnownProduct extends KnownProductSchema.class {}
KnownProductSchema.setClass(KnownProduct);
