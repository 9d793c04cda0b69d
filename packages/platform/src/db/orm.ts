import { MikroORM, type EntitySchema, type MigrationObject, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { platformEntities } from './platform-entities.js';

export interface ServiceDatabaseOptions {
  url: string;
  /** The service's own PostgreSQL schema: services never touch each other's tables. */
  schema: string;
  entities: EntitySchema<any, any>[];
  migrations: MigrationObject[];
  /** Where `migration:create` writes new files (source folder of the service). */
  migrationsPath?: string;
  poolMax?: number;
}

export function ormOptions(options: ServiceDatabaseOptions): Options {
  return {
    clientUrl: options.url,
    schema: options.schema,
    entities: [...platformEntities, ...options.entities],
    extensions: [Migrator],
    pool: { max: options.poolMax ?? 10 },
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
    // Every request and message forks its own EntityManager; the global one is a bug.
    allowGlobalContext: false,
    debug: false,
  };
}

/** A second connection pool on the same schema, for background work (no migrations). */
export async function openWorkerDatabase(options: ServiceDatabaseOptions): Promise<MikroORM> {
  return MikroORM.init(ormOptions(options));
}

/** Connects and applies pending migrations (the service's schema is created by its first migration). */
export async function openServiceDatabase(options: ServiceDatabaseOptions): Promise<MikroORM> {
  const orm = await MikroORM.init(ormOptions(options));
  await orm.em.getConnection().execute(`create schema if not exists "${options.schema}"`);
  await orm.migrator.up();
  return orm;
}
