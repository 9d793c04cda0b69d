import { defineEntity, p } from '@mikro-orm/core';

/** Product names as catalog published them, for the words of a message. */
export const KnownProductSchema = defineEntity({
  name: 'KnownProduct',
  tableName: 'known_product',
  properties: {
    productId: p.uuid().primary(),
    name: p.string().length(300),
  },
});

export class KnownProduct extends KnownProductSchema.class {}
KnownProductSchema.setClass(KnownProduct);
