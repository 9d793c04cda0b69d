import pg from 'pg';
import type { PlatformMigration } from './platform-migration.js';

/** Which platform migrations a schema has had (apart from the service's own `mikro_orm_migrations`). */
export const platformMigrationTable = 'platform_migration';

/**
 * Applies the platform migrations `schema` lacks, each in its own transaction,
 * recorded in `<schema>.platform_migration` (apart from the service's own
 * `mikro_orm_migrations`). Replicas starting together are serialised by an
 * advisory lock on the schema, so each statement runs once.
 */
export async function applyPlatformMigrations(url: string, schema: string, migrations: readonly PlatformMigration[]): Promise<string[]> {
  assertUniqueNames(migrations);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query(`select pg_advisory_lock(hashtext($1))`, [`vitrine_platform_ddl:${schema}`]);
    await client.query(`create schema if not exists "${schema}"`);
    await client.query(
      `create table if not exists "${schema}"."${platformMigrationTable}" ("name" varchar(255) primary key, "applied_at" timestamptz not null default now())`,
    );
    const done = new Set((await client.query<{ name: string }>(`select name from "${schema}"."${platformMigrationTable}"`)).rows.map((r) => r.name));
    for (const migration of migrations) {
      if (done.has(migration.name)) continue;
      await client.query('begin');
      try {
        for (const statement of migration.up(schema)) await client.query(statement);
        await client.query(`insert into "${schema}"."${platformMigrationTable}" (name) values ($1)`, [migration.name]);
        await client.query('commit');
      } catch (err) {
        await client.query('rollback');
        throw new Error(`platform migration ${migration.name} failed in schema ${schema}: ${(err as Error).message}`, { cause: err });
      }
      applied.push(migration.name);
    }
  } finally {
    await client.query(`select pg_advisory_unlock(hashtext($1))`, [`vitrine_platform_ddl:${schema}`]).catch(() => undefined);
    await client.end();
  }
  return applied;
}

function assertUniqueNames(migrations: readonly PlatformMigration[]): void {
  const seen = new Set<string>();
  for (const { name } of migrations) {
    if (seen.has(name)) throw new Error(`two platform migrations are named ${name}`);
    seen.add(name);
  }
}
