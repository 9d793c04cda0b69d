// Dev tool: `npm run migration:create -w services/orders -- <name>` diffs the entities against a throwaway embedded PostgreSQL.
import { startPostgresServer } from '@vitrine/local-infra';
import { runMigrationGenerator } from '@vitrine/platform';
import { ordersEntities } from './entities.js';
import { ordersMigrations } from './migrations/index.js';

await runMigrationGenerator({
  schema: 'orders',
  entities: ordersEntities,
  migrations: ordersMigrations,
  listName: 'ordersMigrations',
  folder: new URL('../../src/store/migrations', import.meta.url),
  name: process.argv[2],
  startServer: () => startPostgresServer({ fast: true }),
});
