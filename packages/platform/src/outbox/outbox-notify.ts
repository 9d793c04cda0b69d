import { createHash } from 'node:crypto';
import type { NotificationListener } from '../db/notification-listener.js';
import type { PlatformMigration } from '../db/platform-migrations/platform-migration.js';
import type { OutboxRelay } from './outbox-relay.js';

/** The channel every service's outbox notified before each got its own (0007); still heard, for a service not yet migrated. */
export const outboxChannel = 'vitrine_outbox';

/**
 * The channel of `schema`'s outbox: its relay alone listens there. On the shared channel every commit that staged
 * events woke every service's relay listener, each a transaction in PostgreSQL (a backend reads the notification
 * queue in one) and a wake-up in a Node process, to learn that another service's outbox got rows: about seven per
 * commit, twenty per order on the bench. A hash keeps the name within PostgreSQL's 63 bytes whatever the schema.
 */
export function outboxChannelOf(schema: string): string {
  return `${outboxChannel}_${createHash('md5').update(schema).digest('hex').slice(0, 16)}`;
}

/**
 * PostgreSQL delivers a NOTIFY only when the transaction that sent it
 * commits, and never for one rolled back: a statement trigger on the outbox
 * tells the relay exactly when staged events become visible, whichever
 * connection, process or replica wrote them. (This replaced a wake-up from
 * the ORM's commit hooks, which shared one flag across transactions and
 * missed a commit when they interleaved.) The poll is the last resort.
 */
export const outboxNotifyMigration: PlatformMigration = {
  name: 'platform/0005-outbox-notify',
  up: (s) => [
    `create or replace function "${s}".outbox_message_committed() returns trigger language plpgsql as $$
      begin
        perform pg_notify('${outboxChannel}', tg_table_schema);
        return null;
      end $$`,
    `drop trigger if exists outbox_message_notify on "${s}"."outbox_message"`,
    `create trigger outbox_message_notify after insert on "${s}"."outbox_message"
      for each statement execute function "${s}".outbox_message_committed()`,
  ],
};

/** The same trigger, notifying the service's own channel (outboxChannelOf: md5 of the schema, as here). */
export const outboxNotifyOwnChannelMigration: PlatformMigration = {
  name: 'platform/0007-outbox-notify-own-channel',
  up: (s) => [
    `create or replace function "${s}".outbox_message_committed() returns trigger language plpgsql as $$
      begin
        perform pg_notify('${outboxChannel}_' || left(md5(tg_table_schema), 16), tg_table_schema);
        return null;
      end $$`,
  ],
};

/**
 * Wakes the relay when `schema`'s outbox got rows, heard on the process's listening connection; and when that
 * connection comes back after a loss (a commit may have gone unheard meanwhile; until then the relay polls).
 * Returns how to stop listening.
 */
export async function wakeRelayOnOutboxNotify(listener: NotificationListener, schema: string, relay: Pick<OutboxRelay, 'wake'>): Promise<() => Promise<void>> {
  const handler = {
    notice: (payload: string) => {
      if (payload === schema) relay.wake();
    },
    gap: (live: boolean) => {
      if (live) relay.wake();
    },
  };
  const stops = [await listener.listen(outboxChannelOf(schema), handler), await listener.listen(outboxChannel, handler)];
  return async () => {
    for (const stop of stops) await stop();
  };
}
