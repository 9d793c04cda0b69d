import { Migration20261205140500_return_warehouses } from './Migration20261205140500_return_warehouses.js';
import { Migration20261204213451_exchange_unit } from './Migration20261204213451_exchange_unit.js';
import { Migration20261204040610_initial } from './Migration20261204040610_initial.js';
import { Migration20261204180000_claim_offers } from './Migration20261204180000_claim_offers.js';
import { Migration20261204190000_preference_returns } from './Migration20261204190000_preference_returns.js';
import { Migration20261204200000_review_returns_shipping } from './Migration20261204200000_review_returns_shipping.js';
import { Migration20261204204213_catalog_parts_projection } from './Migration20261204204213_catalog_parts_projection.js';
import type { MigrationObject } from '@mikro-orm/core';

/** Every migration, in order. `npm run migration:create -w services/aftersales` adds to this list. */
export const aftersalesMigrations: MigrationObject[] = [
  { name: 'Migration20261204040610_initial', class: Migration20261204040610_initial },
  { name: 'Migration20261204180000_claim_offers', class: Migration20261204180000_claim_offers },
  { name: 'Migration20261204190000_preference_returns', class: Migration20261204190000_preference_returns },
  { name: 'Migration20261204200000_review_returns_shipping', class: Migration20261204200000_review_returns_shipping },
  { name: 'Migration20261204204213_catalog_parts_projection', class: Migration20261204204213_catalog_parts_projection },
  { name: 'Migration20261204213451_exchange_unit', class: Migration20261204213451_exchange_unit },
  { name: 'Migration20261205140500_return_warehouses', class: Migration20261205140500_return_warehouses },
];
