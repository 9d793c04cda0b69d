// Dev tool: `npm run migration:create -w services/notifications -- <name>` diffs the entities against a throwaway embedded PostgreSQL.
import 'reflect-metadata';
import { startPostgresServer } from '@vitrine/local-infra';
import { runMigrationGenerator } from '@vitrine/platform';
import { notificationsService } from '../notifications-service.js';

await runMigrationGenerator({
  service: notificationsService,
  listName: 'notificationsMigrations',
  folder: new URL('../../src/store/migrations', import.meta.url),
  name: process.argv[2],
  startServer: () => startPostgresServer({ fast: true }),
});
