import type { MigrationObject } from '@mikro-orm/core';

/** Every migration, in order. `npm run migration:create -w services/logistics` adds to this list. */
export const logisticsMigrations: MigrationObject[] = [];
