import { Migration20261205140000_warehouse_return_address } from './Migration20261205140000_warehouse_return_address.js';
import { Migration20261206140000_listing_change_notify } from './Migration20261206140000_listing_change_notify.js';
import { Migration20261205132151_stock_transfers } from './Migration20261205132151_stock_transfers.js';
import { Migration20261205095459_warehouse_retired } from './Migration20261205095459_warehouse_retired.js';
import { Migration20261204034929_product_interest_waitlist } from './Migration20261204034929_product_interest_waitlist.js';
import { Migration20261204051000_accent_insensitive_search } from './Migration20261204051000_accent_insensitive_search.js';
import { Migration20261204050000_studio_name_case_insensitive } from './Migration20261204050000_studio_name_case_insensitive.js';
import { Migration20261204003326_max_quantity_per_customer } from './Migration20261204003326_max_quantity_per_customer.js';
import { Migration20261203232614_pool_capacity } from './Migration20261203232614_pool_capacity.js';
import { Migration20261125144757_preorder_campaign_state_known } from './Migration20261125144757_preorder_campaign_state_known.js';
import { Migration20261125141933_preorder_arrived } from './Migration20261125141933_preorder_arrived.js';
import { Migration20261125133726_preorder_campaigns } from './Migration20261125133726_preorder_campaigns.js';
import { Migration20261125133102_scheduled_timers } from './Migration20261125133102_scheduled_timers.js';
import { Migration20261125132940_product_details } from './Migration20261125132940_product_details.js';
import { Migration20261125133029_stock_ledger } from './Migration20261125133029_stock_ledger.js';
import { Migration20261125124719_customer_regions } from './Migration20261125124719_customer_regions.js';
import { Migration20261125124534_sale_rules } from './Migration20261125124534_sale_rules.js';
import { Migration20261125123838_studios } from './Migration20261125123838_studios.js';
import { Migration20261125123636_product_status_release_date } from './Migration20261125123636_product_status_release_date.js';
import { Migration20261125105058_initial } from './Migration20261125105058_initial.js';
import type { MigrationObject } from '@mikro-orm/core';

/** Every migration, in order. `npm run migration:create -w services/catalog` adds to this list. */
export const catalogMigrations: MigrationObject[] = [
  { name: 'Migration20261125105058_initial', class: Migration20261125105058_initial },
  { name: 'Migration20261125123636_product_status_release_date', class: Migration20261125123636_product_status_release_date },
  { name: 'Migration20261125123838_studios', class: Migration20261125123838_studios },
  { name: 'Migration20261125124534_sale_rules', class: Migration20261125124534_sale_rules },
  { name: 'Migration20261125124719_customer_regions', class: Migration20261125124719_customer_regions },
  { name: 'Migration20261125132940_product_details', class: Migration20261125132940_product_details },
  { name: 'Migration20261125133029_stock_ledger', class: Migration20261125133029_stock_ledger },
  { name: 'Migration20261125133102_scheduled_timers', class: Migration20261125133102_scheduled_timers },
  { name: 'Migration20261125133726_preorder_campaigns', class: Migration20261125133726_preorder_campaigns },
  { name: 'Migration20261125141933_preorder_arrived', class: Migration20261125141933_preorder_arrived },
  { name: 'Migration20261125144757_preorder_campaign_state_known', class: Migration20261125144757_preorder_campaign_state_known },
  { name: 'Migration20261203232614_pool_capacity', class: Migration20261203232614_pool_capacity },
  { name: 'Migration20261204003326_max_quantity_per_customer', class: Migration20261204003326_max_quantity_per_customer },
  { name: 'Migration20261204034929_product_interest_waitlist', class: Migration20261204034929_product_interest_waitlist },
  { name: 'Migration20261204050000_studio_name_case_insensitive', class: Migration20261204050000_studio_name_case_insensitive },
  { name: 'Migration20261204051000_accent_insensitive_search', class: Migration20261204051000_accent_insensitive_search },
  { name: 'Migration20261205095459_warehouse_retired', class: Migration20261205095459_warehouse_retired },
  { name: 'Migration20261205132151_stock_transfers', class: Migration20261205132151_stock_transfers },
  { name: 'Migration20261205140000_warehouse_return_address', class: Migration20261205140000_warehouse_return_address },
  { name: 'Migration20261206140000_listing_change_notify', class: Migration20261206140000_listing_change_notify },
];
