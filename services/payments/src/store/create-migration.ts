// Dev tool: `npm run migration:create -w services/payments -- <name>` diffs the entities against a throwaway embedded PostgreSQL.
import 'reflect-metadata';
import { startPostgresServer } from '@vitrine/local-infra';
import { runMigrationGenerator } from '@vitrine/platform';
import { paymentsService } from '../payments-service.js';

await runMigrationGenerator({
  service: paymentsService,
  listName: 'paymentsMigrations',
  folder: new URL('../../src/store/migrations', import.meta.url),
  name: process.argv[2],
  startServer: () => startPostgresServer({ fast: true }),
});
