import { Migration20261204201422_held_due } from './Migration20261204201422_held_due.js';
import { Migration20261204143211_order_parts_index } from './Migration20261204143211_order_parts_index.js';
import { Migration20261204132738_warehouse_country } from './Migration20261204132738_warehouse_country.js';
import { Migration20261204003605_max_quantity_per_customer } from './Migration20261204003605_max_quantity_per_customer.js';
import { Migration20261203235115_order_lifecycle } from './Migration20261203235115_order_lifecycle.js';
import { Migration20261125133113_scheduled_timers } from './Migration20261125133113_scheduled_timers.js';
import { Migration20261125124641_customer_regions_sale_rules } from './Migration20261125124641_customer_regions_sale_rules.js';
import { Migration20261125120801_deleted_customers } from './Migration20261125120801_deleted_customers.js';
import { Migration20261125115327_customer_flags } from './Migration20261125115327_customer_flags.js';
import { Migration20261125113214_customer_ownership } from './Migration20261125113214_customer_ownership.js';
import { Migration20261125105216_initial } from './Migration20261125105216_initial.js';
import type { MigrationObject } from '@mikro-orm/core';

/** Every migration, in order. `npm run migration:create -w services/orders` adds to this list. */
export const ordersMigrations: MigrationObject[] = [
  { name: 'Migration20261125105216_initial', class: Migration20261125105216_initial },
  { name: 'Migration20261125113214_customer_ownership', class: Migration20261125113214_customer_ownership },
  { name: 'Migration20261125115327_customer_flags', class: Migration20261125115327_customer_flags },
  { name: 'Migration20261125120801_deleted_customers', class: Migration20261125120801_deleted_customers },
  { name: 'Migration20261125124641_customer_regions_sale_rules', class: Migration20261125124641_customer_regions_sale_rules },
  { name: 'Migration20261125133113_scheduled_timers', class: Migration20261125133113_scheduled_timers },
  { name: 'Migration20261203235115_order_lifecycle', class: Migration20261203235115_order_lifecycle },
  { name: 'Migration20261204003605_max_quantity_per_customer', class: Migration20261204003605_max_quantity_per_customer },
  { name: 'Migration20261204132738_warehouse_country', class: Migration20261204132738_warehouse_country },
  { name: 'Migration20261204143211_order_parts_index', class: Migration20261204143211_order_parts_index },
  { name: 'Migration20261204201422_held_due', class: Migration20261204201422_held_due },
];
