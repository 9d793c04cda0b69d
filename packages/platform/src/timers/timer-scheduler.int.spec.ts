// @vitrine/testing is resolved through the workspace (declaring it would make a cycle: testing depends on platform).
import { MikroORM } from '@mikro-orm/postgresql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, eventually } from '@vitrine/testing';
import { ormOptions } from '../db/orm.js';
import { purgeExpired } from '../db/retention.js';
import { createLogger } from '../logging/logger.js';
import { cancelTimer, scheduleTimer } from './schedule-timer.js';
import { onTimer, onTimers, type DueTimer } from './timer-handler.js';
import { TimerScheduler, type TimerSchedulerOptions } from './timer-scheduler.js';

const schema = 'timers_fire';
let url: string;
const orms: MikroORM[] = [];
const running: TimerScheduler[] = [];
const silent = createLogger('timer-scheduler-test', 'silent');

const openOrm = async () => {
  const orm = await MikroORM.init(ormOptions({ url, schema, entities: [], migrations: [] }));
  orms.push(orm);
  return orm;
};
let orm: MikroORM;

beforeAll(async () => {
  url = await createTestDatabase('timer_scheduler');
  orm = await openOrm();
  await orm.em.getConnection().execute(`create schema "${schema}"`);
  await orm.schema.create();
  // What handlers do, counted: a unique key would hide a double firing, so there is none.
  await orm.em
    .getConnection()
    .execute(
      `create table "${schema}".timer_effect (kind text not null, key text not null, payload jsonb not null, attempts int not null, at timestamptz not null)`,
    );
});
afterAll(async () => {
  await Promise.all(running.map((s) => s.stop()));
  await Promise.all(orms.map((o) => o.close()));
});

/** A handler that records its effect through the transaction it is given. */
const recording = (kind: string) =>
  onTimer(kind, async (timer, em) => {
    await em.execute(`insert into "${schema}".timer_effect (kind, key, payload, attempts, at) values (?, ?, ?::jsonb, ?, clock_timestamp())`, [
      timer.kind,
      timer.key,
      JSON.stringify(timer.payload),
      timer.attempts,
    ]);
  });
/** Records its effect, then fails, so the effect must not survive. */
const failing = (kind: string) =>
  onTimer(kind, async (timer, em) => {
    await recording(kind).handle(timer, em);
    throw new Error(`boom ${timer.key}`);
  });

const scheduler = (options: Partial<TimerSchedulerOptions> & Pick<TimerSchedulerOptions, 'handlers'>, on = orm) =>
  new TimerScheduler({ orm: on, schema, logger: silent, pollMs: 50, ...options });
const started = (s: TimerScheduler) => {
  running.push(s);
  s.start();
  return s;
};
const effects = (kind: string) =>
  orm.em
    .fork()
    .execute<{ key: string; payload: Record<string, unknown>; attempts: number; at: string }[]>(
      `select key, payload, attempts, at from "${schema}".timer_effect where kind = ? order by key, at`,
      [kind],
    );
const timerRows = (kind: string) =>
  orm.em
    .fork()
    .execute<{ key: string; due_at: string; attempts: number; last_error: string | null; fired_at: string | null; dead_at: string | null }[]>(
      `select key, due_at, attempts, last_error, fired_at, dead_at from "${schema}".scheduled_timer where kind = ? order by key, scheduled_at`,
      [kind],
    );
const schedule = (kind: string, key: string, dueAt: Date, payload?: Record<string, unknown>) => scheduleTimer(orm.em.fork(), { kind, key, dueAt, payload });
const now = () => new Date();
const inAnHour = () => new Date(Date.now() + 3_600_000);

/** Counts the handlers running at once, and the most there ever were. */
const gauge = () => {
  const g = { now: 0, max: 0 };
  return Object.assign(g, {
    enter: () => void (g.max = Math.max(g.max, ++g.now)),
    leave: () => void (g.now -= 1),
  });
};
/** Records its effect after waiting `ms` (as a handler waiting on another system's answer), counted by `g`. */
const slow = (kind: string, g: ReturnType<typeof gauge>, ms: number) =>
  onTimer(kind, async (timer, em) => {
    g.enter();
    try {
      await new Promise((resolve) => setTimeout(resolve, ms));
      await recording(kind).handle(timer, em);
    } finally {
      g.leave();
    }
  });

/** A logger whose lines the test can read. */
const capturingLogger = () => {
  const lines: { level: number; msg: string; kind?: string }[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines };
};

describe('timer scheduler', () => {
  it('fires a due timer once, leaves one not yet due, and never fires before the due time', async () => {
    await schedule('once', 'due', now(), { order: 'o-1' });
    await schedule('once', 'later', inAnHour());
    const s = scheduler({ handlers: [recording('once')] });
    expect(await s.fireDue()).toMatchObject({ fired: 1, failed: 0 });
    expect(await s.fireDue()).toMatchObject({ fired: 0, failed: 0 });
    expect((await effects('once')).map((e) => [e.key, e.payload])).toEqual([['due', { order: 'o-1' }]]);

    const soon = new Date(Date.now() + 1_500);
    await schedule('once', 'soon', soon);
    started(scheduler({ handlers: [recording('once')] }));
    const fired = await eventually(async () => (await effects('once')).find((e) => e.key === 'soon'));
    expect(new Date(fired.at).getTime()).toBeGreaterThanOrEqual(soon.getTime());
    expect((await effects('once')).map((e) => e.key)).toEqual(['due', 'soon']);
    const rows = await timerRows('once');
    expect(rows.map((r) => [r.key, r.fired_at !== null])).toEqual([
      ['due', true],
      ['later', false],
      ['soon', true],
    ]);
  });

  it('fires a rescheduled timer once, at its new time, with its new payload; scheduling after it fired arms a new one', async () => {
    await schedule('moved', 'earlier', inAnHour(), { v: 1 });
    await schedule('moved', 'earlier', now(), { v: 2 });
    await schedule('moved', 'postponed', now(), { v: 1 });
    await schedule('moved', 'postponed', inAnHour(), { v: 2 });
    const s = scheduler({ handlers: [recording('moved')] });
    expect(await s.fireDue()).toMatchObject({ fired: 1 });
    expect((await effects('moved')).map((e) => [e.key, e.payload])).toEqual([['earlier', { v: 2 }]]);

    await schedule('moved', 'earlier', now(), { v: 3 });
    expect(await s.fireDue()).toMatchObject({ fired: 1 });
    expect((await effects('moved')).map((e) => [e.key, e.payload])).toEqual([
      ['earlier', { v: 2 }],
      ['earlier', { v: 3 }],
    ]);
  });

  it('lets a handler arm the next timer of the same (kind, key), in its own transaction', async () => {
    const next = new Date('2030-01-01T00:00:00.000Z');
    const recurring = onTimer('recurring', async (timer, em) => {
      await scheduleTimer(em, { kind: timer.kind, key: timer.key, dueAt: next, payload: { round: Number(timer.payload.round) + 1 } });
    });
    await schedule('recurring', 'k', now(), { round: 1 });
    expect(await scheduler({ handlers: [recurring] }).fireDue()).toMatchObject({ fired: 1 });
    const rows = await timerRows('recurring');
    expect(rows.map((r) => [r.fired_at !== null, new Date(r.due_at) >= next])).toEqual([
      [true, false],
      [false, true],
    ]);
  });

  it('says through which time it has looked: only rounds that read every due timer count', async () => {
    const s = scheduler({ handlers: [recording('checked')], batchSize: 2 });
    expect(s.checkedThrough).toBeUndefined();
    for (const key of ['a', 'b', 'c']) await schedule('checked', key, now());
    const before = new Date();
    // A full batch may leave due timers behind: the round does not count.
    expect(await s.fireDue()).toMatchObject({ fired: 2, more: true });
    expect(s.checkedThrough).toBeUndefined();
    expect(await s.fireDue()).toMatchObject({ fired: 1, more: false });
    expect(s.checkedThrough!.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect((await effects('checked')).map((e) => e.key)).toEqual(['a', 'b', 'c']);
  });

  it('does not fire a cancelled timer', async () => {
    await schedule('cancelled', 'k', now());
    await cancelTimer(orm.em.fork(), 'cancelled', 'k');
    expect(await scheduler({ handlers: [recording('cancelled')] }).fireDue()).toMatchObject({ fired: 0 });
    expect(await effects('cancelled')).toHaveLength(0);
  });

  it('fires each of 200 due timers exactly once with two schedulers racing on separate pools', async () => {
    await orm.em.fork().transactional(async (em) => {
      for (let i = 0; i < 200; i++) await scheduleTimer(em, { kind: 'race', key: `k${String(i).padStart(3, '0')}`, dueAt: now() });
    });
    const [a, b] = [await openOrm(), await openOrm()];
    started(scheduler({ handlers: [recording('race')], batchSize: 10, pollMs: 20 }, a));
    started(scheduler({ handlers: [recording('race')], batchSize: 10, pollMs: 20 }, b));
    await eventually(async () => (await timerRows('race')).every((r) => r.fired_at !== null), { timeoutMs: 60_000 });
    const [effects] = await orm.em
      .fork()
      .execute<{ n: string; distinct: string }[]>(`select count(*) as n, count(distinct key) as distinct from "${schema}".timer_effect where kind = 'race'`);
    expect([Number(effects?.n), Number(effects?.distinct)]).toEqual([200, 200]);
  });

  it('rolls back a failing handler, records the failure and retries later with backoff', async () => {
    await schedule('failing', 'k', now());
    const s = scheduler({ handlers: [failing('failing')], retry: { baseMs: 3_600_000, maxMs: 7_200_000, maxAttempts: 5 } });
    const before = Date.now();
    expect(await s.fireDue()).toMatchObject({ fired: 0, failed: 1 });
    const [row] = await timerRows('failing');
    expect(row).toMatchObject({ attempts: 1, last_error: 'Error: boom k', fired_at: null, dead_at: null });
    expect(new Date(row!.due_at).getTime()).toBeGreaterThanOrEqual(before + 3_600_000);
    expect(await effects('failing')).toHaveLength(0);
    expect(await s.fireDue()).toMatchObject({ fired: 0, failed: 0 }); // not due again for an hour
  });

  it('tells a handler how many runs failed before, and fires once it succeeds', async () => {
    let runs = 0;
    const flaky = onTimer('flaky', async (timer, em) => {
      runs += 1;
      if (runs === 1) throw new Error('transient');
      await recording('flaky').handle(timer, em);
    });
    await schedule('flaky', 'k', now());
    const s = scheduler({ handlers: [flaky], retry: { baseMs: 0, maxAttempts: 5 } });
    expect(await s.fireDue()).toMatchObject({ failed: 1 });
    expect(await s.fireDue()).toMatchObject({ fired: 1 });
    expect((await effects('flaky')).map((e) => e.attempts)).toEqual([1]);
  });

  it('marks a timer dead after its last attempt, keeps it with its error and logs it at error level', async () => {
    const { logger, lines } = capturingLogger();
    await schedule('doomed', 'k', now());
    const s = scheduler({ handlers: [failing('doomed')], logger, retry: { baseMs: 0, maxAttempts: 3 } });
    const rounds = [];
    for (let i = 0; i < 4; i++) rounds.push(await s.fireDue());
    expect(rounds.map((r) => r.failed)).toEqual([1, 1, 1, 0]);
    const [row] = await timerRows('doomed');
    expect(row).toMatchObject({ attempts: 3, last_error: 'Error: boom k', fired_at: null });
    expect(row!.dead_at).not.toBeNull();
    expect(await effects('doomed')).toHaveLength(0);
    expect(lines.filter((l) => l.kind === 'doomed').map((l) => [l.level, l.msg])).toEqual([
      [40, 'timer handler failed; will retry'],
      [40, 'timer handler failed; will retry'],
      [50, 'timer handler kept failing; timer marked dead'],
    ]);

    // Scheduling the same key again arms a fresh timer; the dead one stays for staff.
    await schedule('doomed', 'k', inAnHour());
    expect((await timerRows('doomed')).map((r) => [r.attempts, r.dead_at !== null])).toEqual([
      [3, true],
      [0, false],
    ]);
  });

  it('leaves due timers of a kind without handler pending, warns once, and fires them once a handler exists', async () => {
    const { logger, lines } = capturingLogger();
    await schedule('unhandled', 'k', now());
    const s = scheduler({ handlers: [recording('something-else')], logger });
    await s.fireDue();
    await s.fireDue();
    const [row] = await timerRows('unhandled');
    expect(row).toMatchObject({ attempts: 0, fired_at: null, dead_at: null });
    expect(lines.filter((l) => l.kind === 'unhandled').map((l) => l.msg)).toEqual(['due timers of a kind this service has no handler for; left pending']);

    expect(await scheduler({ handlers: [recording('unhandled')] }).fireDue()).toMatchObject({ fired: 1 });
  });

  it('keeps timers across a stop and start, and looks for due ones as soon as it starts', async () => {
    const first = scheduler({ handlers: [recording('restart')] });
    first.start();
    await first.stop();
    await schedule('restart', 'k', now(), { survived: true });
    // A new process: its own pool, and a poll interval far longer than the test waits.
    started(scheduler({ handlers: [recording('restart')], pollMs: 600_000 }, await openOrm()));
    await eventually(async () => (await effects('restart')).length === 1, { timeoutMs: 20_000 });
    expect((await effects('restart'))[0]!.payload).toEqual({ survived: true });
  });

  it('is purged by retention once fired longer ago than the inbox window; dead and pending timers stay', async () => {
    const conn = orm.em.fork().getConnection();
    const insert = (key: string, firedAt: string, deadAt: string) =>
      conn.execute(
        `insert into "${schema}".scheduled_timer (id, kind, key, due_at, payload, attempts, scheduled_at, fired_at, dead_at)
         values (gen_random_uuid(), 'retention', ?, now() - interval '60 days', '{}', 0, now() - interval '60 days', ${firedAt}, ${deadAt})`,
        [key],
      );
    await insert('fired-long-ago', `now() - interval '40 days'`, 'null');
    await insert('fired-recently', `now() - interval '2 days'`, 'null');
    await insert('dead-long-ago', 'null', `now() - interval '40 days'`);
    await insert('pending', 'null', 'null');
    const purged = await purgeExpired(orm, schema, { outboxHours: 72, inboxDays: 30 });
    expect(purged.timers).toBeGreaterThanOrEqual(1);
    expect((await timerRows('retention')).map((r) => r.key)).toEqual(['dead-long-ago', 'fired-recently', 'pending']);
  });

  it('fires up to its limit of a concurrent kind at once, other kinds one at a time, and a full kind does not hold the others back', async () => {
    const earlier = new Date(Date.now() - 60_000);
    for (let i = 0; i < 9; i++) await schedule('parallel', `p${i}`, earlier);
    for (let i = 0; i < 4; i++) await schedule('serial', `s${i}`, now());
    const [p, q] = [gauge(), gauge()];
    started(scheduler({ handlers: [slow('parallel', p, 300), slow('serial', q, 20)], concurrency: { parallel: 3 }, batchSize: 4 }));
    await eventually(async () => (await effects('parallel')).length === 9 && (await effects('serial')).length === 4, { timeoutMs: 30_000 });
    expect([p.max, q.max]).toEqual([3, 1]);
    expect((await effects('parallel')).map((e) => e.key)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8']);
    // Due after every parallel timer, yet fired while the parallel backlog was still going: that kind at its limit left the read.
    const lastParallel = Math.max(...(await effects('parallel')).map((e) => new Date(e.at).getTime()));
    expect(new Date((await effects('serial'))[0]!.at).getTime()).toBeLessThan(lastParallel);
  });

  it('counts a round with concurrent firings as checked only once they have finished', async () => {
    await schedule('checked-alongside', 'a', now());
    await schedule('checked-alongside', 'b', now());
    const s = scheduler({ handlers: [slow('checked-alongside', gauge(), 300)], concurrency: { 'checked-alongside': 2 } });
    const before = new Date();
    expect(await s.fireDue()).toMatchObject({ fired: 0, failed: 0, started: 2 });
    expect(s.checkedThrough).toBeUndefined();
    await eventually(() => s.checkedThrough !== undefined);
    expect(s.checkedThrough!.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect((await effects('checked-alongside')).map((e) => e.key)).toEqual(['a', 'b']);
  });

  it('finishes the concurrent firings in hand on stop; a new scheduler fires the rest, each timer once', async () => {
    for (let i = 0; i < 8; i++) await schedule('draining', `d${i}`, now());
    const g = gauge();
    const first = scheduler({ handlers: [slow('draining', g, 300)], concurrency: { draining: 2 } });
    first.start();
    await eventually(() => g.now > 0);
    await first.stop();
    expect(g.now).toBe(0);
    // What it claimed committed with its effect; nothing is left claimed without one.
    const fired = (await timerRows('draining')).filter((r) => r.fired_at !== null).map((r) => r.key);
    expect((await effects('draining')).map((e) => e.key)).toEqual(fired);
    expect(fired.length).toBeLessThan(8);

    started(scheduler({ handlers: [slow('draining', g, 10)], concurrency: { draining: 2 } }, await openOrm()));
    await eventually(async () => (await timerRows('draining')).every((r) => r.fired_at !== null), { timeoutMs: 20_000 });
    expect((await effects('draining')).map((e) => e.key)).toEqual(['d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7']);
  });

  it('fires a batching kind in batches: one transaction per batch, in due order, each timer once', async () => {
    const start = Date.now() - 60_000;
    for (let i = 0; i < 7; i++) await schedule('batched', `b${i}`, new Date(start + i * 1000));
    await schedule('batched', 'later', inAnHour());
    const batches: string[][] = [];
    const handler = onTimers('batched', 3, async (timers, em) => {
      const [row] = await em.execute<{ xid: string }[]>('select pg_current_xact_id()::text as xid');
      batches.push([row!.xid, ...timers.map((t) => t.key)]);
      for (const timer of timers) await recording('batched').handle(timer, em);
    });
    const s = scheduler({ handlers: [handler] });
    expect(await s.fireDue()).toMatchObject({ fired: 7, failed: 0 });
    expect(batches.map(([, ...keys]) => keys)).toEqual([['b0', 'b1', 'b2'], ['b3', 'b4', 'b5'], ['b6']]);
    // Three transactions, not seven.
    expect(new Set(batches.map(([xid]) => xid)).size).toBe(3);
    expect((await effects('batched')).map((e) => e.key)).toEqual(['b0', 'b1', 'b2', 'b3', 'b4', 'b5', 'b6']);
    expect((await timerRows('batched')).filter((r) => r.fired_at === null).map((r) => r.key)).toEqual(['later']);
    expect(await s.fireDue()).toMatchObject({ fired: 0, failed: 0 });
  });

  it('fires a failed batch again one timer at a time: only the timer that fails is retried, the others fire once', async () => {
    // Due a second apart: timers due at the same millisecond fire in id order, which is random.
    const start = Date.now() - 60_000;
    for (const [i, key] of ['f1', 'f2-bad', 'f3'].entries()) await schedule('batch-fail', key, new Date(start + i * 1000));
    const calls: string[][] = [];
    const handler = onTimers('batch-fail', 5, async (timers: readonly DueTimer[], em) => {
      calls.push(timers.map((t) => t.key));
      for (const timer of timers) {
        await recording('batch-fail').handle(timer, em);
        if (timer.key.endsWith('bad')) throw new Error(`boom ${timer.key}`);
      }
    });
    const s = scheduler({ handlers: [handler], retry: { baseMs: 3_600_000, maxMs: 7_200_000, maxAttempts: 5 } });
    expect(await s.fireDue()).toMatchObject({ fired: 2, failed: 1 });
    expect(calls).toEqual([['f1', 'f2-bad', 'f3'], ['f1'], ['f2-bad'], ['f3']]);
    // The failed batch left nothing; each good timer's effect once, none for the bad one.
    expect((await effects('batch-fail')).map((e) => e.key)).toEqual(['f1', 'f3']);
    const rows = await timerRows('batch-fail');
    expect(rows.map((r) => [r.key, r.fired_at !== null, r.attempts])).toEqual([
      ['f1', true, 0],
      ['f2-bad', false, 1],
      ['f3', true, 0],
    ]);
  });

  it('refuses a batch size that is not a positive integer', () => {
    expect(() => onTimers('x', 0, async () => undefined)).toThrow(/positive integer/);
  });

  it('refuses a concurrency that is not a positive integer', () => {
    expect(() => scheduler({ handlers: [recording('limited')], concurrency: { limited: 0 } })).toThrow(/positive integer/);
  });

  it('refuses two handlers for one kind', () => {
    expect(() => scheduler({ handlers: [recording('twice'), recording('twice')] })).toThrow(/two timer handlers/);
  });
});
