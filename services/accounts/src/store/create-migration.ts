// Dev tool: `npm run migration:create -w services/accounts [-- name]` against a throwaway embedded PostgreSQL.
import { fileURLToPath } from 'node:url';
import { createMigration } from '@vitrine/platform';
import { startPostgresServer } from '@vitrine/local-infra';
import { accountsEntities } from './entities.js';
import { accountsMigrations } from './migrations/index.js';

const server = await startPostgresServer({ fast: true });
try {
  const file = await createMigration({
    url: await server.createDatabase('accounts_migrations'),
    schema: 'accounts',
    entities: accountsEntities,
    migrations: accountsMigrations,
    folder: fileURLToPath(new URL('../../src/store/migrations', import.meta.url)),
    listName: 'accountsMigrations',
    name: process.argv[2],
  });
  console.log(file ? `created ${file}` : 'no schema changes');
} finally {
  await server.stop();
}
