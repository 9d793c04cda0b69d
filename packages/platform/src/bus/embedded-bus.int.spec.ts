// @vitrine/testing is resolved through the workspace (declaring it would make a cycle: testing depends on platform).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, eventually } from '@vitrine/testing';
import { createNotificationListener } from '../db/notification-listener.js';
import { createLogger } from '../logging/logger.js';
import { createEmbeddedBus, topicChannel } from './embedded-bus.js';
import { embeddedBusChannel } from './embedded-bus-tables.js';
import type { EventBus, IncomingMessage } from './event-bus.js';

let url: string;
const logger = createLogger('embedded-bus-test', 'silent');
const buses: EventBus[] = [];

beforeAll(async () => {
  url = await createTestDatabase('embedded_bus');
});
afterAll(async () => {
  await Promise.all(buses.map((b) => b.close()));
});

const newBus = async () => {
  const bus = await createEmbeddedBus({ url, logger, pollMs: 50 });
  buses.push(bus);
  return bus;
};
const message = (topic: string, key: string, value: string) => ({ topic, key, value, headers: { 'x-request-id': `req-${value}` } });
const until = (check: () => boolean | Promise<boolean>) => eventually(check, { timeoutMs: 10_000, intervalMs: 20 });
/** The group's connection (named after it) is idle with the fetch as its last statement: it found nothing and sleeps. */
async function asleepAfterEmptyPoll(groupId: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ asleep: boolean }>(
      `select state = 'idle' and query like 'with handled as%' as asleep from pg_stat_activity
        where datname = current_database() and application_name = $1`,
      [`vitrine-bus:${groupId}`],
    );
    return rows[0]?.asleep === true;
  } finally {
    await client.end();
  }
}

describe('embedded transport (PostgreSQL log)', () => {
  it('delivers in order with headers, and retries a failed message without skipping it', async () => {
    const bus = await newBus();
    const seen: string[] = [];
    let failedOnce = false;
    const sub = await bus.subscribe({
      groupId: 'g1',
      topics: ['t1'],
      handle: async (m: IncomingMessage) => {
        if (m.value === 'b' && !failedOnce) {
          failedOnce = true;
          throw new Error('transient');
        }
        seen.push(`${m.value}:${m.headers['x-request-id']}`);
      },
    });
    await bus.publish([message('t1', 'k', 'a'), message('t1', 'k', 'b'), message('t1', 'k', 'c'), message('other', 'k', 'x')]);
    await until(() => seen.length === 3);
    expect(seen).toEqual(['a:req-a', 'b:req-b', 'c:req-c']);
    await sub.stop();
  });

  it('reads several topics in log order across batches, each from its own position', async () => {
    const bus = await newBus();
    // 250 messages over two topics (and a third it does not read), published in three calls: more than a batch of 100.
    const published: string[] = [];
    for (let call = 0; call < 3; call++) {
      const batch = Array.from({ length: 90 }, (_, i) => {
        const n = call * 90 + i;
        return message(n % 3 === 0 ? 'm-other' : n % 3 === 1 ? 'm-a' : 'm-b', `k${n % 7}`, String(n));
      });
      published.push(...batch.filter((m) => m.topic !== 'm-other').map((m) => m.value));
      await bus.publish(batch);
    }
    const seen: string[] = [];
    const sub = await bus.subscribe({ groupId: 'g-multi', topics: ['m-a', 'm-b'], handle: async (m) => void seen.push(m.value) });
    await until(() => seen.length === published.length);
    expect(seen).toEqual(published);
    // Woken by the notification of a later publish, well before a slow poll would look.
    const slow = await createEmbeddedBus({ url, logger, pollMs: 60_000 });
    buses.push(slow);
    const woken: string[] = [];
    const wakes = await slow.subscribe({ groupId: 'g-woken', topics: ['m-late'], handle: async (m) => void woken.push(m.value) });
    // Its first poll found nothing: its connection sits idle after the fetch, asleep for a minute.
    await until(() => asleepAfterEmptyPoll('g-woken'));
    await bus.publish([message('m-late', 'k', 'late')]);
    await until(() => woken.length === 1);
    await Promise.all([sub.stop(), wakes.stop()]);
  });

  it('resumes a group after its committed position, and a new group reads from the beginning', async () => {
    const bus = await newBus();
    await bus.publish([message('t2', 'k', '1'), message('t2', 'k', '2')]);
    const first: string[] = [];
    const sub = await bus.subscribe({ groupId: 'g2', topics: ['t2'], handle: async (m) => void first.push(m.value) });
    await until(() => first.length === 2);
    await sub.stop();

    await bus.publish([message('t2', 'k', '3')]);
    const again: string[] = [];
    const resumed = await bus.subscribe({ groupId: 'g2', topics: ['t2'], handle: async (m) => void again.push(m.value) });
    const fresh: string[] = [];
    const other = await bus.subscribe({ groupId: 'g3', topics: ['t2'], handle: async (m) => void fresh.push(m.value) });
    await until(() => again.length === 1 && fresh.length === 3);
    expect(again).toEqual(['3']);
    expect(fresh).toEqual(['1', '2', '3']);
    await Promise.all([resumed.stop(), other.stop()]);
  });

  it('commits what it handled with its next poll while it keeps consuming, and handles nothing twice meanwhile', async () => {
    const bus = await newBus();
    const handled: string[] = [];
    const sub = await bus.subscribe({ groupId: 'g-commit', topics: ['t-commit'], handle: async (m) => void handled.push(m.value) });
    const committed = async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query<{ position: string | null; last: string | null }>(
          `select (select position::text from bus.consumer_offset where group_id = 'g-commit' and topic = 't-commit') as position,
                  (select max(seq)::text from bus.message where topic = 't-commit') as last`,
        );
        return rows[0]!;
      } finally {
        await client.end();
      }
    };
    for (const round of [1, 2, 3]) {
      await bus.publish([message('t-commit', 'k', `${round}a`), message('t-commit', 'k', `${round}b`)]);
      await until(() => handled.length === round * 2);
      // Not stopped: the position reaches the last message by the group's next poll (every 50 ms here).
      await until(async () => {
        const { position, last } = await committed();
        return position !== null && position === last;
      });
    }
    expect(handled).toEqual(['1a', '1b', '2a', '2b', '3a', '3b']);
    await sub.stop();
  });

  it("wakes a sleeping subscription when its topic gets messages, and leaves another topic's subscriptions asleep", async () => {
    // A minute between polls: only a notification can wake either subscription in time.
    const bus = await createEmbeddedBus({ url, logger, pollMs: 60_000 });
    buses.push(bus);
    const mine: string[] = [];
    const subMine = await bus.subscribe({ groupId: 'g-woken', topics: ['t-woken'], handle: async (m) => void mine.push(m.value) });
    const subOther = await bus.subscribe({ groupId: 'g-left-asleep', topics: ['t-left-asleep'], handle: async () => undefined });
    await until(async () => (await asleepAfterEmptyPoll('g-woken')) && (await asleepAfterEmptyPoll('g-left-asleep')));
    const lastPoll = async (groupId: string) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query<{ at: string }>(
          `select query_start::text as at from pg_stat_activity where datname = current_database() and application_name = $1`,
          [`vitrine-bus:${groupId}`],
        );
        return rows[0]?.at;
      } finally {
        await client.end();
      }
    };
    // What PostgreSQL sends whom: each notification wakes every connection listening on its channel.
    const listener = new pg.Client({ connectionString: url });
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (n) => void heard.push(n.channel));
    for (const channel of [embeddedBusChannel, topicChannel('t-left-asleep'), topicChannel('t-woken')]) await listener.query(`listen ${channel}`);
    const otherPolledAt = await lastPoll('g-left-asleep');
    await bus.publish([message('t-woken', 'k', 'wake-up')]);
    await until(() => mine.length === 1 && heard.length > 0);
    expect(mine).toEqual(['wake-up']);
    // Only the topic's own channel was notified (the shared one woke every subscription's connection to look).
    expect(heard).toEqual([topicChannel('t-woken')]);
    await listener.end();
    // The other group's connection has not run a statement since: it was not woken to look.
    expect(await lastPoll('g-left-asleep')).toBe(otherPolledAt);
    await subMine.stop();
    await subOther.stop();
  });

  it("wakes every subscription through the process's one listening connection, which PostgreSQL sees once", async () => {
    const applicationName = 'bus-spec-listener';
    const listener = createNotificationListener({ url, applicationName, logger });
    // A minute between polls: only a notification, heard on the shared connection, can wake them in time.
    const bus = await createEmbeddedBus({ url, logger, pollMs: 60_000, listener });
    buses.push(bus);
    const heard: string[] = [];
    const subs = await Promise.all(
      ['one', 'two', 'three'].map((name) =>
        bus.subscribe({ groupId: `g-shared-${name}`, topics: [`t-shared-${name}`], handle: async (m) => void heard.push(m.value) }),
      ),
    );
    await until(async () => (await asleepAfterEmptyPoll('g-shared-one')) && (await asleepAfterEmptyPoll('g-shared-three')));
    await bus.publish([message('t-shared-one', 'k', 'first'), message('t-shared-three', 'k', 'third')]);
    await until(() => heard.length === 2);
    expect(heard.sort()).toEqual(['first', 'third']);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where application_name = $1`, [applicationName]);
      expect(rows[0]!.n).toBe(1);
    } finally {
      await admin.end();
    }
    for (const sub of subs) await sub.stop();
    // The last subscription gone, the process listens for nothing: the connection closes.
    expect(listener.live()).toBe(false);
    await listener.close();
  });

  it('lets one instance of a group consume at a time, across processes (buses)', async () => {
    const [busA, busB] = [await newBus(), await newBus()];
    const byA: string[] = [];
    const byB: string[] = [];
    const subA = await busA.subscribe({ groupId: 'g4', topics: ['t4'], handle: async (m) => void byA.push(m.value) });
    const subB = await busB.subscribe({ groupId: 'g4', topics: ['t4'], handle: async (m) => void byB.push(m.value) });
    await busA.publish(['1', '2', '3'].map((v) => message('t4', 'k', v)));
    await until(() => byA.length + byB.length === 3);
    expect([byA.length, byB.length].sort()).toEqual([0, 3]);

    // The active one stops: the standby takes over from the committed position.
    const active = byA.length ? subA : subB;
    const standbyLog = byA.length ? byB : byA;
    await active.stop();
    await busA.publish([message('t4', 'k', '4')]);
    await until(() => standbyLog.length === 1);
    expect(standbyLog).toEqual(['4']);
    await (active === subA ? subB : subA).stop();
  });

  it('answers ping while the database is reachable', async () => {
    const bus = await newBus();
    await expect(bus.ping()).resolves.toBeUndefined();
    const unreachable = await createEmbeddedBus({ url, logger }).then(async (b) => {
      await b.close();
      return b;
    });
    await expect(unreachable.ping()).rejects.toThrow();
  });
});
