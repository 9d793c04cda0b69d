import { sandboxClockMigration } from '../../clock/sandbox-clock.js';
import { inboxReplayMigration } from '../../inbox/replay-marks.js';
import { outboxNotifyMigration, outboxNotifyOwnChannelMigration } from '../../outbox/outbox-notify.js';
import { addConstraintOnce, type PlatformMigration } from './platform-migration.js';

/**
 * What every service gets in its own schema: the outbox and inbox (with its
 * dead letters and replay marks), durable timers and the audit trail. The statements match
 * what the services' first migrations created before these moved here, so an
 * existing database sees no change.
 */
export const coreTableMigrations: readonly PlatformMigration[] = [
  {
    name: 'platform/0001-outbox-inbox',
    up: (s) => [
      `create table if not exists "${s}"."outbox_message" ("seq" bigserial primary key, "event_id" uuid not null, "topic" varchar(255) not null, "key" varchar(255) not null, "type" varchar(255) not null, "envelope" jsonb not null, "headers" jsonb not null, "created_at" timestamptz not null, "sent_at" timestamptz null)`,
      addConstraintOnce(s, 'outbox_message', 'outbox_message_event_id_unique', 'unique ("event_id")'),
      `create index if not exists "outbox_message_sent_at_index" on "${s}"."outbox_message" ("sent_at")`,
      `create table if not exists "${s}"."inbox_processed_event" ("event_id" uuid not null, "type" varchar(255) not null, "processed_at" timestamptz not null, primary key ("event_id"))`,
      `create table if not exists "${s}"."inbox_dead_letter" ("id" bigserial primary key, "topic" varchar(255) not null, "partition" int not null, "offset" varchar(255) not null, "key" varchar(255) null, "value" text not null, "headers" jsonb not null, "reason" varchar(255) not null, "error" text not null, "received_at" timestamptz not null)`,
    ],
  },
  {
    name: 'platform/0002-scheduled-timer',
    up: (s) => [
      `create table if not exists "${s}"."scheduled_timer" ("id" uuid not null, "kind" varchar(64) not null, "key" varchar(255) not null, "due_at" timestamptz(3) not null, "payload" jsonb not null, "attempts" int not null default 0, "last_error" text null, "scheduled_at" timestamptz(3) not null, "fired_at" timestamptz(3) null, "dead_at" timestamptz(3) null, primary key ("id"))`,
      `create index if not exists "scheduled_timer_pending_by_due" on "${s}"."scheduled_timer" ("due_at") where fired_at is null and dead_at is null`,
      `create index if not exists "scheduled_timer_fired_at" on "${s}"."scheduled_timer" ("fired_at") where fired_at is not null`,
      `create unique index if not exists "scheduled_timer_one_pending_per_key" on "${s}"."scheduled_timer" ("kind", "key") where fired_at is null and dead_at is null`,
    ],
  },
  {
    name: 'platform/0003-audit-entry',
    up: (s) => [
      `create table if not exists "${s}"."audit_entry" ("id" uuid not null, "actor" uuid null, "action" varchar(64) not null, "subject" varchar(128) not null, "details" jsonb not null, "at" timestamptz not null, primary key ("id"))`,
      `create index if not exists "audit_entry_subject_index" on "${s}"."audit_entry" ("subject")`,
    ],
  },
  sandboxClockMigration,
  outboxNotifyMigration,
  inboxReplayMigration,
  outboxNotifyOwnChannelMigration,
];
