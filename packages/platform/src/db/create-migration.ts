import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { basename, join } from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import type { ServiceDefinition } from '../service/service-definition.js';
import { serviceDatabaseOptions } from '../service/service-database.js';
import { ormOptions, type ServiceDatabaseOptions } from './orm.js';
import { applyPlatformMigrations } from './platform-migrations/apply-platform-migrations.js';
import { coreTableMigrations } from './platform-migrations/core-tables.js';

/**
 * Generates the next migration of a service by diffing its entities against
 * a database migrated to the current head (platform tables included, so they
 * never appear in a service's migration), then registers it in the folder's
 * index.ts (`migrationsList`), so source and dist load the same list.
 */
export async function createMigration(
  options: Omit<ServiceDatabaseOptions, 'migrationsPath'> & { folder: string; listName: string; name?: string },
): Promise<string | undefined> {
  const base = ormOptions({ ...options, migrationsPath: options.folder });
  const orm = await MikroORM.init({ ...base, migrations: { ...base.migrations, snapshot: false } });
  try {
    await applyPlatformMigrations(options.url, options.schema, options.platformMigrations ?? coreTableMigrations);
    await orm.migrator.up();
    const result = await orm.migrator.create(options.folder, false, false, options.name);
    if (!result.fileName) return undefined;
    const className = basename(result.fileName).replace(/\.ts$/, '');
    const indexPath = join(options.folder, 'index.ts');
    const index = await readFile(indexPath, 'utf8');
    const withImport = `import { ${className} } from './${className}.js';\n${index}`;
    const updated = withImport.replace(
      new RegExp(`(export const ${options.listName}: MigrationObject\\[\\] = \\[)([\\s\\S]*?)(\\];)`),
      (_m, open: string, body: string, close: string) =>
        `${open}${body.trimEnd() ? body.trimEnd() + '\n' : '\n'}  { name: '${className}', class: ${className} },\n${close}`,
    );
    await writeFile(indexPath, updated);
    return result.fileName;
  } finally {
    await orm.close();
  }
}

export interface MigrationGeneratorOptions {
  service: ServiceDefinition;
  /** The name of the list in the folder's index.ts, e.g. `ordersMigrations`. */
  listName: string;
  /** The service's source migrations folder. */
  folder: URL;
  /** A throwaway PostgreSQL to diff against (embedded, from @vitrine/local-infra). */
  startServer: () => Promise<{ createDatabase(name: string): Promise<string>; stop(): Promise<void> }>;
  /** From the command line: `npm run migration:create -w services/<name> -- <name>`. */
  name?: string;
}

/** The whole `migration:create` command of a service, so each service only declares what differs. */
export async function runMigrationGenerator(options: MigrationGeneratorOptions): Promise<void> {
  const server = await options.startServer();
  try {
    const database = serviceDatabaseOptions(options.service, await server.createDatabase(`${options.service.identity.dbSchema}_migrations`));
    const file = await createMigration({
      ...database,
      listName: options.listName,
      folder: fileURLToPath(options.folder),
      name: options.name,
    });
    console.log(file ? `created ${file}` : 'no schema changes');
  } finally {
    await server.stop();
  }
}
