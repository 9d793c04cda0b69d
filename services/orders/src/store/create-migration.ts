// Dev tool: `npm run migration:create -w services/orders [-- name]` against a throwaway embedded PostgreSQL.
import { fileURLToPath } from 'node:url';
import { createMigration } from '@vitrine/platform';
import { startPostgresServer } from '@vitrine/local-infra';
import { ordersEntities } from './entities.js';
import { ordersMigrations } from './migrations/index.js';

const server = await startPostgresServer({ fast: true });
try {
  const file = await createMigration({
    url: await server.createDatabase('orders_migrations'),
    schema: 'orders',
    entities: ordersEntities,
    migrations: ordersMigrations,
    folder: fileURLToPath(new URL('../../src/store/migrations', import.meta.url)),
    listName: 'ordersMigrations',
    name: process.argv[2],
  });
  console.log(file ? `created ${file}` : 'no schema changes');
} finally {
  await server.stop();
}
