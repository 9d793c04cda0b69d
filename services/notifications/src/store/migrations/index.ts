import { Migration20261204035827_initial } from './Migration20261204035827_initial.js';
import type { MigrationObject } from '@mikro-orm/core';

/** Every migration, in order. `npm run migration:create -w services/notifications` adds to this list. */
export const notificationsMigrations: MigrationObject[] = [{ name: 'Migration20261204035827_initial', class: Migration20261204035827_initial }];
