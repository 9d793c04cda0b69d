import { defineEntity, p } from '@mikro-orm/core';

/**
 * Projection of catalog's parts list (ProductPublished `parts`): a claim
 * names its parts from it. Replaced whole on each ProductPublished that
 * carries the list; `known_product.parts_known` says whether catalog told.
 */
export const KnownProductPartSchema = defineEntity({
  name: 'KnownProductPart',
  tableName: 'known_product_part',
  properties: {
    productId: p.uuid().primary(),
    /** The part's place in catalog's list. */
    position: p.integer().primary(),
    name: p.string().length(120),
    /** Catalog's after-sales category as received (tolerant reader: checked when a claim names the part). */
    category: p.string().length(60),
  },
});

export class KnownProductPart extends KnownProductPartSchema.class {}
KnownProductPartSchema.setClass(KnownProductPart);
