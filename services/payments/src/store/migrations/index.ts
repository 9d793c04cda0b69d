import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261204001028_initial } from './Migration20261204001028_initial.js';
import { Migration20261204201709_held_payments } from './Migration20261204201709_held_payments.js';
import { Migration20261205133000_waived_dues } from './Migration20261205133000_waived_dues.js';

/** Every migration, in order. `npm run migration:create -w services/payments` adds to this list. */
export const paymentsMigrations: MigrationObject[] = [
  { name: 'Migration20261204001028_initial', class: Migration20261204001028_initial },
  { name: 'Migration20261204201709_held_payments', class: Migration20261204201709_held_payments },
  { name: 'Migration20261205133000_waived_dues', class: Migration20261205133000_waived_dues },
];
