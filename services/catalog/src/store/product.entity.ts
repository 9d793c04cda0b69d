import { defineEntity, p } from '@mikro-orm/core';
import { productStatuses, type ProductStatus } from '@vitrine/contracts';
import type { AssemblyKind, ProductPart } from '../domain/product-details.js';

export const ProductSchema = defineEntity({
  name: 'Product',
  tableName: 'product',
  checks: [
    { name: 'product_down_payment_below_price', expression: 'down_payment_amount is null or (down_payment_amount > 0 and down_payment_amount < price_amount)' },
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
    /** At most this many units in one order; null: no per-order limit. */
    maxQuantityPerOrder: p.integer().nullable(),
    /** At most this many units per customer across their orders; null: none. */
    maxQuantityPerCustomer: p.integer().nullable(),
    // Descriptive details (domain/product-details); changed through updateProduct.
    series: p.string().length(120).nullable(),
    licence: p.string().length(120).nullable(),
    description: p.text().default(''),
    /** https URLs in display order. */
    images: p.array().defaultRaw(`'{}'`),
    /** "1/7", "Non-scale"... */
    scale: p.string().length(16).nullable(),
    material: p.string().length(200).nullable(),
    weightGrams: p.integer().nullable(),
    /** Package dimensions in mm: all three or none. */
    packageLengthMm: p.integer().nullable(),
    packageWidthMm: p.integer().nullable(),
    packageHeightMm: p.integer().nullable(),
    assemblyKind: p.string().$type<AssemblyKind>().length(24).default('NONE'),
    assemblyNote: p.string().length(500).nullable(),
    /**
     * jsonb, not a child table: a parts list is always read and replaced whole
     * with its product (shown on the product, diffed into spec changes and
     * audit entries, copied into a claim by after-sales), and nothing queries
     * parts across products. A table would cost a query per listing for no gain.
     */
    parts: p.json<ProductPart[]>().defaultRaw(`'[]'`),
    /** Non-refundable down payment at order, in the product's currency; null: none required (domain/down-payment). */
    downPaymentAmount: p.integer().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  indexes: [{ properties: ['createdAt', 'id'] }],
});

export class Product extends ProductSchema.class {}
ProductSchema.setClass(Product);

/** A product's properties, whether an entity or a row read without one (the listing reads pages so: no hydration). */
export type ProductFacts = { readonly [K in keyof Product as K extends string ? K : never]: Product[K] };
