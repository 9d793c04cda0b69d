import type { MigrationObject } from '@mikro-orm/core';

/** Every migration, in order. `npm run migration:create -w services/notifications` adds to this list. */
export const notificationsMigrations: MigrationObject[] = [];
