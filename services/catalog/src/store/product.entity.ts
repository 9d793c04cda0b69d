import { defineEntity, p } from '@mikro-orm/core';
import { productStatuses, type ProductStatus } from '@vitrine/contracts';

export const ProductSchema = defineEntity({
  name: 'Product',
  tableName: 'product',
  checks: [
    { name: 'product_status_known', expression: `status in (${productStatuses.map((s) => `'${s}'`).join(', ')})` },
  ],
  properties: {
    id: p.uuid().primary(),
    sku: p.string().length(64).unique(),
    name: p.string().length(200),
    priceAmount: p.integer(),
    priceCurrency: p.string().length(3),
    /** See domain/product-status.ts for the moves allowed. */
    status: p.string().$type<ProductStatus>().length(24).default('IN_STOCK'),
    /** `YYYY-MM` or `YYYY-MM-DD`; its changes are kept in release_date_change. */
    releaseEstimate: p.string().length(10).nullable(),
    /** The studio that makes it, when known (checked to exist when set). */
    studioId: p.uuid().nullable().index(),
    /** ISO 3166-1 alpha-2 countries where licensing forbids selling it (domain/sale-rules). */
    regionBlocks: p.array().defaultRaw(`'{}'`),
    /** At most this many units in one order; null: no product limit. */
    maxQuantityPerOrder: p.integer().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
  indexes: [{ properties: ['createdAt', 'id'] }],
});

export class Product extends ProductSchema.class {}
ProductSchema.setClass(Product);
