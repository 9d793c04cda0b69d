import { Migration20261204040610_initial } from './Migration20261204040610_initial.js';
import type { MigrationObject } from '@mikro-orm/core';

/** Every migration, in order. `npm run migration:create -w services/aftersales` adds to this list. */
export const aftersalesMigrations: MigrationObject[] = [{ name: 'Migration20261204040610_initial', class: Migration20261204040610_initial }];
