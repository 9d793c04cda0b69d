import type { PlatformMigration } from '../db/platform-migrations/platform-migration.js';

export const embeddedBusChannel = 'vitrine_bus';
/** The bus is transport infrastructure shared by every service, not a service's data: it has a schema of its own. */
export const embeddedBusSchema = 'bus';

export const embeddedBusMigrations: readonly PlatformMigration[] = [
  {
    name: 'bus/0001-message-log',
    up: (s) => [
      `create table if not exists "${s}".message (
        seq bigserial primary key,
        topic text not null,
        key text,
        value text not null,
        headers jsonb not null default '{}',
        created_at timestamptz not null default now())`,
      `create index if not exists message_topic_seq on "${s}".message (topic, seq)`,
      `create table if not exists "${s}".consumer_offset (
        group_id text not null,
        topic text not null,
        position bigint not null,
        primary key (group_id, topic))`,
    ],
  },
];
