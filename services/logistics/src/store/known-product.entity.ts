import { defineEntity, p } from '@mikro-orm/core';

/** Catalog's products as logistics needs them (ProductPublished): weight and boxed size, null until measured. */
export const KnownProductSchema = defineEntity({
  name: 'KnownProduct',
  tableName: 'known_product',
  properties: {
    productId: p.uuid().primary(),
    sku: p.string().length(64),
    weightGrams: p.integer().nullable(),
    lengthMm: p.integer().nullable(),
    widthMm: p.integer().nullable(),
    heightMm: p.integer().nullable(),
  },
});

export class KnownProduct extends KnownProductSchema.class {}
KnownProductSchema.setClass(KnownProduct);
