// Dev tool: `npm run migration:create -w services/catalog -- <name>` diffs the entities against a throwaway embedded PostgreSQL.
import { startPostgresServer } from '@vitrine/local-infra';
import { runMigrationGenerator } from '@vitrine/platform';
import { catalogEntities } from './entities.js';
import { catalogMigrations } from './migrations/index.js';

await runMigrationGenerator({
  schema: 'catalog',
  entities: catalogEntities,
  migrations: catalogMigrations,
  listName: 'catalogMigrations',
  folder: new URL('../../src/store/migrations', import.meta.url),
  name: process.argv[2],
  startServer: () => startPostgresServer({ fast: true }),
});
