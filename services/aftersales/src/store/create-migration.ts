// Dev tool: `npm run migration:create -w services/aftersales -- <name>` diffs the entities against a throwaway embedded PostgreSQL.
import 'reflect-metadata';
import { startPostgresServer } from '@vitrine/local-infra';
import { runMigrationGenerator } from '@vitrine/platform';
import { aftersalesService } from '../aftersales-service.js';

await runMigrationGenerator({
  service: aftersalesService,
  listName: 'aftersalesMigrations',
  folder: new URL('../../src/store/migrations', import.meta.url),
  name: process.argv[2],
  startServer: () => startPostgresServer({ fast: true }),
});
