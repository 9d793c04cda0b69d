import { defineEntity, p } from '@mikro-orm/core';

/**
 * Orders' own projection of the catalog, fed by catalog events: enough to
 * validate and price an order without calling another service.
 */
export const KnownProductSchema = defineEntity({
  name: 'KnownProduct',
  tableName: 'known_product',
  properties: {
    id: p.uuid().primary(),
    sku: p.string().length(64),
    name: p.string().length(200),
    priceAmount: p.integer(),
    priceCurrency: p.string().length(3),
    /** Catalog's status name, stored as received (tolerant reader); contracts' orderability rule (notOrderableReasons) decides what it means. */
    status: p.string().length(32).default('IN_STOCK'),
    /** Countries where licensing forbids selling it. */
    regionBlocks: p.array().defaultRaw(`'{}'`),
    /** Units allowed in one order, summed over its lines; null: no per-order limit. */
    maxQuantityPerOrder: p.integer().nullable(),
    /** Units one customer may hold across all their live orders; null: no per-customer limit. */
    maxQuantityPerCustomer: p.integer().nullable(),
    /** Non-refundable down payment per unit, in the price's currency; null: none. */
    downPaymentAmount: p.integer().nullable(),
    /** The open campaign's plan (PreorderOpened/TermsChanged); null: the store policy's default. */
    planKind: p.string().length(16).nullable(),
    depositPercent: p.integer().nullable(),
    fullPaymentAllowed: p.boolean().default(false),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export class KnownProduct extends KnownProductSchema.class {}
KnownProductSchema.setClass(KnownProduct);
