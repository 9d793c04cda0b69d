import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeExpired } from '@vitrine/platform';
import { bootCatalog, type CatalogHarness } from './harness.js';

let catalog: CatalogHarness;

beforeAll(async () => {
  catalog = await bootCatalog('retention');
});
afterAll(async () => {
  await catalog?.stop();
});

const count = async (query: string, params: unknown[] = []) => Number((await catalog.sql<{ n: string }>(query, params))[0]!.n);

describe('outbox, inbox and timer retention', () => {
  it('purges only sent outbox rows, processed ids and fired timers older than the policy', async () => {
    const conn = catalog.service.orm.em.fork().getConnection();
    const insertOutbox = async (sentAt: string | null, createdAt: string) => {
      const eventId = randomUUID();
      await conn.execute(
        `insert into catalog.outbox_message (event_id, topic, key, type, envelope, headers, created_at, sent_at)
         values (?, 't', 'k', 'x', '{}', '{}', ${createdAt}, ${sentAt ?? 'null'})`,
        [eventId],
      );
      return eventId;
    };
    const sentLongAgo = await insertOutbox(`now() - interval '5 days'`, `now() - interval '5 days'`); // goes
    const sentRecently = await insertOutbox(`now() - interval '1 hour'`, `now() - interval '1 hour'`); // stays
    const neverSent = await insertOutbox(null, `now() - interval '9 days'`); // always stays
    await conn.execute(`insert into catalog.inbox_processed_event (event_id, type, processed_at) values (?, 'x', now() - interval '40 days')`, [randomUUID()]);
    await conn.execute(`insert into catalog.inbox_processed_event (event_id, type, processed_at) values (?, 'x', now() - interval '2 days')`, [randomUUID()]);
    const insertTimer = (key: string, firedAt: string, deadAt: string) =>
      conn.execute(
        `insert into catalog.scheduled_timer (id, kind, key, due_at, payload, scheduled_at, fired_at, dead_at)
         values (?, 'retention', ?, now() - interval '50 days', '{}', now() - interval '50 days', ${firedAt}, ${deadAt})`,
        [randomUUID(), key],
      );
    await insertTimer('fired-long-ago', `now() - interval '40 days'`, 'null'); // goes
    await insertTimer('fired-recently', `now() - interval '2 days'`, 'null'); // stays
    await insertTimer('dead', 'null', `now() - interval '40 days'`); // kept for staff
    await insertTimer('pending', 'null', 'null'); // not fired yet
    const outboxBefore = await count('select count(*) as n from catalog.outbox_message');

    const purged = await purgeExpired(catalog.service.orm, 'catalog', { outboxHours: 72, inboxDays: 30 });
    expect(purged).toEqual({ outbox: 1, inbox: 1, timers: 1 });
    expect(await count(`select count(*) as n from catalog.scheduled_timer where kind = 'retention'`)).toBe(3);
    expect(await count('select count(*) as n from catalog.outbox_message')).toBe(outboxBefore - 1);
    const outboxRow = (eventId: string) => count('select count(*) as n from catalog.outbox_message where event_id = ?', [eventId]);
    expect(await outboxRow(sentLongAgo)).toBe(0);
    expect(await outboxRow(sentRecently)).toBe(1);
    expect(await outboxRow(neverSent)).toBe(1);
  });
});
