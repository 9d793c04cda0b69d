// Dev tool: `npm run migration:create -w services/catalog [-- name]` against a throwaway embedded PostgreSQL.
import { fileURLToPath } from 'node:url';
import { createMigration } from '@vitrine/platform';
import { startPostgresServer } from '@vitrine/local-infra';
import { catalogEntities } from './entities.js';
import { catalogMigrations } from './migrations/index.js';

const server = await startPostgresServer({ fast: true });
try {
  const file = await createMigration({
    url: await server.createDatabase('catalog_migrations'),
    schema: 'catalog',
    entities: catalogEntities,
    migrations: catalogMigrations,
    folder: fileURLToPath(new URL('../../src/store/migrations', import.meta.url)),
    listName: 'catalogMigrations',
    name: process.argv[2],
  });
  console.log(file ? `created ${file}` : 'no schema changes');
} finally {
  await server.stop();
}
