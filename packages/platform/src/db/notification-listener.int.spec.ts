// @vitrine/testing is resolved through the workspace (declaring it would make a cycle: testing depends on platform).
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, eventually } from '@vitrine/testing';
import { createNotificationListener, type NotificationListener } from './notification-listener.js';

let url: string;
let admin: pg.Client;
const listeners: NotificationListener[] = [];
const logger = pino({ level: 'silent' });

beforeAll(async () => {
  url = await createTestDatabase('notification_listener');
  admin = new pg.Client({ connectionString: url });
  await admin.connect();
});
afterAll(async () => {
  await Promise.all(listeners.map((l) => l.close()));
  await admin?.end();
});

function newListener() {
  const applicationName = `listen-${randomUUID().slice(0, 8)}`;
  const listener = createNotificationListener({ url, applicationName, logger, retryMs: 50 });
  listeners.push(listener);
  return { listener, applicationName };
}

/** Each handler's notifications and gaps, in the order they came. */
function recorder() {
  const heard: string[] = [];
  return { heard, handler: { notice: (payload: string) => void heard.push(payload), gap: (live: boolean) => void heard.push(live ? 'resumed' : 'lost') } };
}

const connectionsOf = async (applicationName: string) =>
  (await admin.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where application_name = $1`, [applicationName])).rows[0]!.n;
const until = (check: () => boolean | Promise<boolean>) => eventually(check, { timeoutMs: 10_000, intervalMs: 10 });

describe("a process's listening connection", () => {
  it("hears every channel asked for on one connection, each handler only its own channel's notifications", async () => {
    const { listener, applicationName } = newListener();
    const a = recorder();
    const b = recorder();
    const alsoA = recorder();
    await listener.listen('ch_a', a.handler);
    await listener.listen('ch_b', b.handler);
    await listener.listen('ch_a', alsoA.handler);
    expect(listener.live()).toBe(true);
    expect(await connectionsOf(applicationName)).toBe(1);

    await admin.query('begin');
    await admin.query(`select pg_notify('ch_a', 'rolled back')`);
    await admin.query('rollback');
    await admin.query(`select pg_notify('ch_other', 'x')`);
    await admin.query(`select pg_notify('ch_a', 'one')`);
    await admin.query(`select pg_notify('ch_b', 'two')`);
    await until(() => b.heard.includes('two'));
    // The first handler also heard the resumption of the connection it opened.
    expect(a.heard).toEqual(['resumed', 'one']);
    expect(alsoA.heard).toEqual(['one']);
    expect(b.heard).toEqual(['two']);
  });

  it('stops hearing a channel once its last handler stops, and closes the connection with the last channel', async () => {
    const { listener, applicationName } = newListener();
    const a = recorder();
    const a2 = recorder();
    const b = recorder();
    const stopA = await listener.listen('ch_stop_a', a.handler);
    const stopA2 = await listener.listen('ch_stop_a', a2.handler);
    const stopB = await listener.listen('ch_stop_b', b.handler);
    await stopA();
    await admin.query(`select pg_notify('ch_stop_a', 'after one stopped')`);
    await until(() => a2.heard.includes('after one stopped'));
    await stopA2();
    await admin.query(`select pg_notify('ch_stop_a', 'nobody')`);
    await admin.query(`select pg_notify('ch_stop_b', 'still heard')`);
    await until(() => b.heard.includes('still heard'));
    expect(a.heard).toEqual(['resumed']);
    expect(a2.heard).toEqual(['after one stopped']);
    expect(await connectionsOf(applicationName)).toBe(1);

    await stopB();
    await until(async () => (await connectionsOf(applicationName)) === 0);
    expect(listener.live()).toBe(false);
    // Listening again opens another connection.
    const c = recorder();
    await listener.listen('ch_stop_b', c.handler);
    expect(listener.live()).toBe(true);
    await admin.query(`select pg_notify('ch_stop_b', 'again')`);
    await until(() => c.heard.includes('again'));
    expect(await connectionsOf(applicationName)).toBe(1);
  });

  it('tells every handler when the connection is lost and when it listens again, on every channel', async () => {
    const { listener, applicationName } = newListener();
    const a = recorder();
    const b = recorder();
    await listener.listen('ch_cut_a', a.handler);
    await listener.listen('ch_cut_b', b.handler);
    const cut = await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1`, [applicationName]);
    expect(cut.rowCount).toBe(1);
    await until(() => b.heard.includes('lost'));
    await until(() => listener.live());
    expect(b.heard).toEqual(['lost', 'resumed']);
    expect(a.heard).toEqual(['resumed', 'lost', 'resumed']);
    await admin.query(`select pg_notify('ch_cut_a', 'after')`);
    await admin.query(`select pg_notify('ch_cut_b', 'after')`);
    await until(() => a.heard.includes('after') && b.heard.includes('after'));
    expect(await connectionsOf(applicationName)).toBe(1);
  });

  it('keeps trying while the database refuses it, and says when it listens', async () => {
    const applicationName = `listen-${randomUUID().slice(0, 8)}`;
    // A database that does not exist yet: every attempt fails until it is created.
    const missing = `listener_later_${randomUUID().slice(0, 8)}`;
    const later = new URL(url);
    later.pathname = `/${missing}`;
    const listener = createNotificationListener({ url: later.toString(), applicationName, logger, retryMs: 50 });
    listeners.push(listener);
    const a = recorder();
    await listener.listen('ch_later', a.handler);
    expect(listener.live()).toBe(false);
    expect(a.heard).toEqual(['lost']);
    await admin.query(`create database ${missing}`);
    await until(() => listener.live());
    expect(a.heard).toEqual(['lost', 'resumed']);
    await listener.close();
    await until(async () => (await connectionsOf(applicationName)) === 0);
    await admin.query(`drop database ${missing}`);
  });

  it('sends one statement at a time on its connection, however many channels are asked for or stopped at once', async () => {
    // pg runs a statement sent while another is in flight after it, but warns that pg 9 will refuse it.
    const inFlight = new Map<pg.Client, number>();
    let most = 0;
    const query = pg.Client.prototype.query;
    const spy = vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...args: unknown[]) {
      const now = (inFlight.get(this) ?? 0) + 1;
      inFlight.set(this, now);
      most = Math.max(most, now);
      const result = (query as (...a: unknown[]) => Promise<unknown>).apply(this, args);
      const done = () => void inFlight.set(this, inFlight.get(this)! - 1);
      result.then(done, done);
      return result;
    } as typeof query);
    try {
      const { listener } = newListener();
      const first = recorder();
      await listener.listen('ch_serial_0', first.handler);
      const heard = Array.from({ length: 5 }, () => recorder());
      const stops = await Promise.all(heard.map((r, i) => listener.listen(`ch_serial_${i + 1}`, r.handler)));
      await Promise.all(stops.slice(0, 3).map((stop) => stop()));
      for (let i = 0; i <= 5; i++) await admin.query(`select pg_notify('ch_serial_${i}', 'n${i}')`);
      await until(() => heard[4]!.heard.includes('n5'));
      expect(first.heard).toEqual(['resumed', 'n0']);
      expect(heard.map((r) => r.heard)).toEqual([[], [], [], ['n4'], ['n5']]);
    } finally {
      spy.mockRestore();
    }
    // The admin client's statements run one by one too (each awaited): a second in flight would be the listener's.
    expect(most).toBe(1);
  });
});
