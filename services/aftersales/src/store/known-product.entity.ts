import { defineEntity, p } from '@mikro-orm/core';

/** Projection of catalog: what coverage needs (the status a product is sold in, its release date), and whether its parts list is known. */
export const KnownProductSchema = defineEntity({
  name: 'KnownProduct',
  tableName: 'known_product',
  properties: {
    id: p.uuid().primary(),
    /** Catalog's status name as received (tolerant reader). */
    status: p.string().length(32).nullable(),
    releasedAt: p.datetime(3).nullable(),
    /** Whether catalog told its parts list (`known_product_part`; it may be empty); false: claims name categories only. */
    partsKnown: p.boolean().default(false),
  },
});

export class KnownProduct extends KnownProductSchema.class {}
KnownProductSchema.setClass(KnownProduct);
