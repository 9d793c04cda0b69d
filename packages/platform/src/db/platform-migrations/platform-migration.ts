/**
 * A migration that platform code (not a service) owns: the tables under the
 * outbox, inbox, timers and audit, the embedded bus, or a shared projection.
 * `up` returns the statements for one schema. Statements must be idempotent
 * (`if not exists`): databases created before the platform owned these
 * tables already have them, made by the services' own early migrations.
 */
export interface PlatformMigration {
  /** Unique across everything a service applies, e.g. `platform/0001-outbox-inbox`. */
  readonly name: string;
  up(schema: string): string[];
}

/** `alter table ... add constraint` has no `if not exists`: add it only when the schema lacks it. */
export function addConstraintOnce(schema: string, table: string, constraint: string, definition: string): string {
  return `do $$ begin
  if not exists (select 1 from pg_constraint c join pg_namespace n on n.oid = c.connamespace where n.nspname = '${schema}' and c.conname = '${constraint}') then
    alter table "${schema}"."${table}" add constraint "${constraint}" ${definition};
  end if;
end $$;`;
}
