// Dev tool: `npm run migration:create -w services/accounts -- <name>` diffs the entities against a throwaway embedded PostgreSQL.
import { startPostgresServer } from '@vitrine/local-infra';
import { runMigrationGenerator } from '@vitrine/platform';
import { accountsEntities } from './entities.js';
import { accountsMigrations } from './migrations/index.js';

await runMigrationGenerator({
  schema: 'accounts',
  entities: accountsEntities,
  migrations: accountsMigrations,
  listName: 'accountsMigrations',
  folder: new URL('../../src/store/migrations', import.meta.url),
  name: process.argv[2],
  startServer: () => startPostgresServer({ fast: true }),
});
