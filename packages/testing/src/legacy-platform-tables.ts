import { MikroORM } from '@mikro-orm/postgresql';
import { openServiceDatabase, ormOptions, serviceDatabaseOptions, type ServiceDefinition } from '@vitrine/platform';
import pg from 'pg';
import { expect } from 'vitest';
import { createTestDatabase } from './test-infra.js';

/**
 * The platform's tables exactly as the services' own migrations created them
 * until 2026-12 (frozen here: those statements were since removed from the
 * services' migrations, and the platform creates the tables itself).
 */
function legacyPlatformDdl(s: string, had: { audit: boolean; customerRegion: boolean }): string[] {
  return [
    `create table "${s}"."inbox_dead_letter" ("id" bigserial primary key, "topic" varchar(255) not null, "partition" int not null, "offset" varchar(255) not null, "key" varchar(255) null, "value" text not null, "headers" jsonb not null, "reason" varchar(255) not null, "error" text not null, "received_at" timestamptz not null);`,
    `create table "${s}"."outbox_message" ("seq" bigserial primary key, "event_id" uuid not null, "topic" varchar(255) not null, "key" varchar(255) not null, "type" varchar(255) not null, "envelope" jsonb not null, "headers" jsonb not null, "created_at" timestamptz not null, "sent_at" timestamptz null);`,
    `alter table "${s}"."outbox_message" add constraint "outbox_message_event_id_unique" unique ("event_id");`,
    `create index "outbox_message_sent_at_index" on "${s}"."outbox_message" ("sent_at");`,
    `create table "${s}"."inbox_processed_event" ("event_id" uuid not null, "type" varchar(255) not null, "processed_at" timestamptz not null, primary key ("event_id"));`,
    `create table "${s}"."scheduled_timer" ("id" uuid not null, "kind" varchar(64) not null, "key" varchar(255) not null, "due_at" timestamptz(3) not null, "payload" jsonb not null, "attempts" int not null default 0, "last_error" text null, "scheduled_at" timestamptz(3) not null, "fired_at" timestamptz(3) null, "dead_at" timestamptz(3) null, primary key ("id"));`,
    `create index "scheduled_timer_pending_by_due" on "${s}"."scheduled_timer" ("due_at") where fired_at is null and dead_at is null;`,
    `create index "scheduled_timer_fired_at" on "${s}"."scheduled_timer" ("fired_at") where fired_at is not null;`,
    `create unique index "scheduled_timer_one_pending_per_key" on "${s}"."scheduled_timer" ("kind", "key") where fired_at is null and dead_at is null;`,
    ...(had.audit
      ? [
          `create table "${s}"."audit_entry" ("id" uuid not null, "actor" uuid null, "action" varchar(64) not null, "subject" varchar(128) not null, "details" jsonb not null, "at" timestamptz not null, primary key ("id"));`,
          `create index "audit_entry_subject_index" on "${s}"."audit_entry" ("subject");`,
        ]
      : []),
    ...(had.customerRegion
      ? [
          `create table "${s}"."customer_region" ("customer_id" uuid not null, "country" varchar(2) not null, "changed_at" timestamptz not null, primary key ("customer_id"));`,
        ]
      : []),
  ];
}

/** Columns, indexes and constraints of a schema, with the schema's name taken out, in a stable order. */
export async function schemaShape(url: string, schema: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query<{ line: string }>(
      `select table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '') ||
              coalesce(' p' || datetime_precision, '') || ' ' || is_nullable || coalesce(' default ' || column_default, '') as line
         from information_schema.columns where table_schema = $1`,
      [schema],
    );
    const indexes = await client.query<{ line: string }>(`select indexdef as line from pg_indexes where schemaname = $1`, [schema]);
    const constraints = await client.query<{ line: string }>(
      `select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(c.oid) as line
         from pg_constraint c join pg_namespace n on n.oid = c.connamespace where n.nspname = $1`,
      [schema],
    );
    return [...columns.rows, ...indexes.rows, ...constraints.rows].map((r) => r.line.replaceAll(`"${schema}".`, '').replaceAll(`${schema}.`, '')).sort();
  } finally {
    await client.end();
  }
}

/**
 * Proves a service's database from before the platform owned its tables
 * migrates without loss: builds one the old way (the service's migrations
 * plus the frozen platform DDL), writes a row in each platform table, opens
 * it as the service now would, and compares its shape with a fresh database's.
 */
export async function expectLegacyDatabaseMigrates(definition: ServiceDefinition<any>, had: { audit: boolean; customerRegion: boolean }): Promise<void> {
  const schema = definition.identity.dbSchema;
  const legacyUrl = await createTestDatabase(`${schema}_legacy`);
  const legacy = serviceDatabaseOptions(definition, legacyUrl);
  const old = await MikroORM.init(ormOptions(legacy));
  const sql = (query: string, params: unknown[] = []) => old.em.fork().getConnection().execute(query, params);
  try {
    await sql(`create schema "${schema}"`);
    for (const statement of legacyPlatformDdl(schema, had)) await sql(statement);
    await old.migrator.up();
    await sql(
      `insert into "${schema}".outbox_message (event_id, topic, key, type, envelope, headers, created_at) values ('00000000-0000-4000-8000-000000000001', 't', 'k', 'x', '{}', '{}', now())`,
    );
    await sql(`insert into "${schema}".inbox_processed_event (event_id, type, processed_at) values ('00000000-0000-4000-8000-000000000002', 'x', now())`);
    await sql(
      `insert into "${schema}".scheduled_timer (id, kind, key, due_at, payload, scheduled_at) values ('00000000-0000-4000-8000-000000000003', 'k', 'key', now(), '{}', now())`,
    );
    if (had.audit) {
      await sql(
        `insert into "${schema}".audit_entry (id, action, subject, details, at) values ('00000000-0000-4000-8000-000000000004', 'a', 's', '{}', now())`,
      );
    }
    if (had.customerRegion) {
      await sql(`insert into "${schema}".customer_region (customer_id, country, changed_at) values ('00000000-0000-4000-8000-000000000005', 'FR', now())`);
    }
  } finally {
    await old.close();
  }

  const migrated = await openServiceDatabase(legacy);
  try {
    const count = async (table: string) =>
      Number((await migrated.em.fork().getConnection().execute<{ n: string }[]>(`select count(*) as n from "${schema}".${table}`))[0]!.n);
    expect(await count('outbox_message')).toBe(1);
    expect(await count('inbox_processed_event')).toBe(1);
    expect(await count('scheduled_timer')).toBe(1);
    if (had.audit) expect(await count('audit_entry')).toBe(1);
    if (had.customerRegion) expect(await count('customer_region')).toBe(1);
  } finally {
    await migrated.close();
  }

  const freshUrl = await createTestDatabase(`${schema}_fresh`);
  await (await openServiceDatabase(serviceDatabaseOptions(definition, freshUrl))).close();
  expect(await schemaShape(legacyUrl, schema)).toEqual(await schemaShape(freshUrl, schema));
}
