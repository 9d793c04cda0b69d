import { defineEntity, p } from '@mikro-orm/core';
import { waitlistOfferHoursRange } from '../domain/product-interest.js';

/**
 * The store's catalog settings: one row (id 1), written by the migration that
 * adds a setting with its starting value and changed by staff afterwards.
 */
export const CatalogSettingSchema = defineEntity({
  name: 'CatalogSetting',
  tableName: 'catalog_setting',
  checks: [
    { name: 'catalog_setting_single_row', expression: 'id = 1' },
    {
      name: 'catalog_setting_waitlist_offer_hours_range',
      expression: `waitlist_offer_hours between ${waitlistOfferHoursRange.min} and ${waitlistOfferHoursRange.max}`,
    },
  ],
  properties: {
    id: p.integer().primary().autoincrement(false),
    /** How long units held for a waitlist entry wait for the customer's order. */
    waitlistOfferHours: p.integer(),
    updatedAt: p.datetime(),
    updatedBy: p.uuid().nullable(),
  },
});

export class CatalogSetting extends CatalogSettingSchema.class {}
CatalogSettingSchema.setClass(CatalogSetting);
