import { MikroORM, type EntitySchema, type MigrationObject, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type pg from 'pg';
import { sandboxClockTable } from '../clock/sandbox-clock.js';
import { inboxReplayTable } from '../inbox/replay-marks.js';
import { platformEntities } from './platform-entities.js';
import { applyPlatformMigrations, platformMigrationTable } from './platform-migrations/apply-platform-migrations.js';
import { coreTableMigrations } from './platform-migrations/core-tables.js';
import type { PlatformMigration } from './platform-migrations/platform-migration.js';
import { ParameterizedDriver } from './parameterized-driver.js';
import { prepareRecurringStatements } from './prepared-statements.js';

export interface ServiceDatabaseOptions {
  url: string;
  /** The service's own PostgreSQL schema: services never touch each other's tables. */
  schema: string;
  entities: readonly EntitySchema[];
  /** The service's own migrations, applied after the platform's. */
  migrations: MigrationObject[];
  /** Tables platform code owns in this schema (outbox, inbox, timers, audit, shared projections); default: the core tables. */
  platformMigrations?: readonly PlatformMigration[];
  /** Where `migration:create` writes new files (source folder of the service). */
  migrationsPath?: string;
  poolMax?: number;
  /** Names the pool's connections in pg_stat_activity (which service, and whether requests or background work). */
  applicationName?: string;
}

export function ormOptions(options: ServiceDatabaseOptions): Options {
  return {
    clientUrl: options.url,
    schema: options.schema,
    entities: [...platformEntities, ...options.entities],
    extensions: [Migrator],
    // Values travel as parameters and recurring statements are prepared: PostgreSQL parses and plans a statement
    // once per connection instead of on every call (parameterized-driver.ts, prepared-statements.ts).
    driver: ParameterizedDriver,
    pool: { max: options.poolMax ?? 10 },
    driverOptions: {
      ...(options.applicationName ? { application_name: options.applicationName.slice(0, 63) } : {}),
      onPoolCreated: (pool: pg.Pool) => prepareRecurringStatements(pool),
    },
    migrations: {
      tableName: 'mikro_orm_migrations',
      schema: options.schema,
      migrationsList: options.migrations,
      path: options.migrationsPath,
      pathTs: options.migrationsPath,
      // Migrations are generated against a database migrated to head, so no snapshot files are needed.
      snapshot: false,
      emit: 'ts',
      silent: true,
    },
    // Tables platform code reads by SQL, which no entity maps: the migrations' ledger, the sandbox clock, replay marks.
    // Triggers are the platform's (outbox-notify.ts, applied by platform migrations), never an entity's: a generated
    // migration must not drop them.
    schemaGenerator: { skipTables: [platformMigrationTable, sandboxClockTable, inboxReplayTable], ignoreTriggers: true },
    // Every request and message forks its own EntityManager; the global one is a bug.
    allowGlobalContext: false,
    debug: false,
  };
}

/** A second connection pool on the same schema, for background work (no migrations). */
export async function openWorkerDatabase(options: ServiceDatabaseOptions): Promise<MikroORM> {
  return MikroORM.init(ormOptions(options));
}

/**
 * Connects and applies pending migrations: the platform's tables first (as an
 * event-store library ships its own schema), then the service's own.
 */
export async function openServiceDatabase(options: ServiceDatabaseOptions): Promise<MikroORM> {
  await applyPlatformMigrations(options.url, options.schema, options.platformMigrations ?? coreTableMigrations);
  const orm = await MikroORM.init(ormOptions(options));
  await orm.migrator.up();
  return orm;
}
