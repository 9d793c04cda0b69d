import { Migration20261125105058_initial } from './Migration20261125105058_initial.js';
import type { MigrationObject } from '@mikro-orm/core';

/** Every migration, in order. `npm run migration:create -w services/catalog` adds to this list. */
export const catalogMigrations: MigrationObject[] = [
  { name: 'Migration20261125105058_initial', class: Migration20261125105058_initial },
];
