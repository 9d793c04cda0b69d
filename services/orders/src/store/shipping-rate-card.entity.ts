import { defineEntity, p } from '@mikro-orm/core';
import type { RateCard } from '../domain/shipping-estimate.js';

/** Logistics' rate cards (ShippingRatesPublished) by version: checkout estimates with the newest. */
export const ShippingRateCardSchema = defineEntity({
  name: 'ShippingRateCard',
  tableName: 'shipping_rate_card',
  properties: {
    version: p.integer().primary().autoincrement(false),
    currency: p.string().length(3),
    methods: p.json<RateCard['methods']>(),
    publishedAt: p.datetime(3),
  },
});

export class ShippingRateCard extends ShippingRateCardSchema.class {}
ShippingRateCardSchema.setClass(ShippingRateCard);
