import { Migration20261125113712_accounts } from './Migration20261125113712_accounts.js';
import type { MigrationObject } from '@mikro-orm/core';

/** Every migration, in order. `npm run migration:create -w services/accounts` adds to this list. */
export const accountsMigrations: MigrationObject[] = [
  { name: 'Migration20261125113712_accounts', class: Migration20261125113712_accounts },
];
