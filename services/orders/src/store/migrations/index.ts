import { Migration20261125113214_customer_ownership } from './Migration20261125113214_customer_ownership.js';
import { Migration20261125105216_initial } from './Migration20261125105216_initial.js';
import type { MigrationObject } from '@mikro-orm/core';

/** Every migration, in order. `npm run migration:create -w services/orders` adds to this list. */
export const ordersMigrations: MigrationObject[] = [
  { name: 'Migration20261125105216_initial', class: Migration20261125105216_initial },
  { name: 'Migration20261125113214_customer_ownership', class: Migration20261125113214_customer_ownership },
];
