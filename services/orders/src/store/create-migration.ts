// Dev tool: `npm run migration:create -w services/orders -- <name>` diffs the entities against a throwaway embedded PostgreSQL.
import 'reflect-metadata';
import { startPostgresServer } from '@vitrine/local-infra';
import { runMigrationGenerator } from '@vitrine/platform';
import { ordersService } from '../orders-service.js';

await runMigrationGenerator({
  service: ordersService,
  listName: 'ordersMigrations',
  folder: new URL('../../src/store/migrations', import.meta.url),
  name: process.argv[2],
  startServer: () => startPostgresServer({ fast: true }),
});
