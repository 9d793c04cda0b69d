import pg from 'pg';
import type { Logger } from 'pino';
import type { PlatformMigration } from '../db/platform-migrations/platform-migration.js';
import type { OutboxRelay } from './outbox-relay.js';

/** One channel for every service; the payload names the schema whose outbox got rows. */
export const outboxChannel = 'vitrine_outbox';

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

/**
 * Listens on its own connection and wakes the relay when `schema`'s outbox
 * got rows. Losing the connection only means waiting for the poll again
 * (logged); it is not retried. Returns how to stop listening.
 */
export async function wakeRelayOnOutboxNotify(url: string, schema: string, relay: OutboxRelay, logger: Logger): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', (err) => logger.warn({ err }, 'outbox notification connection lost; the relay polls until the next start'));
  client.on('notification', (notice) => {
    if (notice.channel === outboxChannel && notice.payload === schema) relay.wake();
  });
  await client.connect();
  await client.query(`listen ${outboxChannel}`);
  return async () => {
    await client.end().catch(() => undefined);
  };
}
