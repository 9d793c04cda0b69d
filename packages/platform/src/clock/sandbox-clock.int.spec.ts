// @vitrine/testing is resolved through the workspace (declaring it would make a cycle: testing depends on platform).
import { MikroORM } from '@mikro-orm/postgresql';
import { topics } from '@vitrine/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, eventually, timersCheckedPast } from '@vitrine/testing';
import { ormOptions } from '../db/orm.js';
import { applyPlatformMigrations } from '../db/platform-migrations/apply-platform-migrations.js';
import { coreTableMigrations } from '../db/platform-migrations/core-tables.js';
import { createLogger } from '../logging/logger.js';
import { defineServiceIdentity } from '../service/service-identity.js';
import { scheduleTimer } from '../timers/schedule-timer.js';
import { onTimer } from '../timers/timer-handler.js';
import { TimerScheduler } from '../timers/timer-scheduler.js';
import { advanceSandboxClock, refreshSandboxClock, sandboxClockHandler } from './sandbox-clock.js';
import { adoptSandboxOffset, sandboxOffset, storeNow } from './store-clock.js';

// Rehearsing a policy: staff move the store's clock forward, and durable
// timers that were hours away fire, once, on the moved clock.
const schema = 'sandbox_clock';
const identity = defineServiceIdentity({ name: 'clock-test', dbSchema: schema, publishes: [topics.platformClock], scopes: [] });
let orm: MikroORM;
let scheduler: TimerScheduler;
const fired: string[] = [];
const hour = 3_600_000;

beforeAll(async () => {
  const url = await createTestDatabase('sandbox_clock');
  await applyPlatformMigrations(url, schema, coreTableMigrations);
  orm = await MikroORM.init(ormOptions({ url, schema, entities: [], migrations: [] }));
  scheduler = new TimerScheduler({
    orm,
    schema,
    logger: createLogger('sandbox-clock-test', 'silent'),
    pollMs: 50,
    followSandboxClock: true,
    handlers: [onTimer('deadline', async (timer) => void fired.push(timer.key))],
  });
  scheduler.start();
});
afterAll(async () => {
  await scheduler?.stop();
  await orm?.close();
});

describe('the sandbox clock', () => {
  it('fires a timer hours away once the clock is moved past it, and announces the move', async () => {
    await scheduleTimer(orm.em.fork(), { kind: 'deadline', key: 'in-two-hours', dueAt: new Date(storeNow().getTime() + 2 * hour) });
    await timersCheckedPast(scheduler, new Date()); // a round looked after the timer was armed: not due on the real clock
    expect(fired).toEqual([]);

    const moved = await orm.em.fork().transactional((em) => advanceSandboxClock(em, identity, { byMs: 3 * hour, actor: null, production: false }));
    expect(moved).toEqual({ offsetMs: 3 * hour, sequence: 1 });
    await eventually(() => fired.length === 1); // the scheduler read the stored move
    expect(fired).toEqual(['in-two-hours']);
    expect(storeNow().getTime() - Date.now()).toBeGreaterThanOrEqual(3 * hour - 1000);
    const [event] = await orm.em.fork().execute(`select type, envelope from "${schema}".outbox_message`);
    expect(event?.type).toBe('platform.clock.advanced');
    expect(event?.envelope.data).toEqual({ offsetMs: 3 * hour, sequence: 1, movedBy: null });
  });

  it('only moves forward, and never in production', async () => {
    const move = (byMs: number, production = false) =>
      orm.em.fork().transactional((em) => advanceSandboxClock(em, identity, { byMs, actor: null, production }));
    await expect(move(-hour)).rejects.toMatchObject({ code: 'POLICY_VIOLATION', details: { rule: 'CLOCK_MOVES_FORWARD' } });
    await expect(move(hour, true)).rejects.toMatchObject({ code: 'POLICY_VIOLATION', details: { rule: 'SANDBOX_ONLY' } });
    expect(sandboxOffset().sequence).toBe(1);
  });

  it('ignores an older move heard late, and takes a newer one from another service', async () => {
    const hear = (offsetMs: number, sequence: number) =>
      orm.em.fork().transactional((em) =>
        sandboxClockHandler.handle(
          {
            id: crypto.randomUUID(),
            type: 'platform.clock.advanced',
            source: 'x',
            time: '',
            subject: 'sandbox-clock',
            version: 1,
            data: { offsetMs, sequence, movedBy: null },
          },
          em,
        ),
      );
    await hear(hour, 1);
    expect(sandboxOffset()).toEqual({ offsetMs: 3 * hour, sequence: 1 });
    await hear(5 * hour, 2);
    expect(sandboxOffset()).toEqual({ offsetMs: 5 * hour, sequence: 2 });
    adoptSandboxOffset({ offsetMs: 0, sequence: 0 }); // an older move: nothing changes
    await refreshSandboxClock(orm.em.fork());
    expect(sandboxOffset()).toEqual({ offsetMs: 5 * hour, sequence: 2 });
  });
});
