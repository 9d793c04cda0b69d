// @vitrine/testing is resolved through the workspace (declaring it would make a cycle: testing depends on platform).
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@vitrine/testing';
import { ormOptions } from '../db/orm.js';
import { cancelTimer, scheduleTimer, scheduleTimers } from './schedule-timer.js';

const schema = 'timers_schedule';
let orm: MikroORM;

beforeAll(async () => {
  const url = await createTestDatabase('schedule_timer');
  orm = await MikroORM.init(ormOptions({ url, schema, entities: [], migrations: [] }));
  await orm.em.getConnection().execute(`create schema "${schema}"`);
  await orm.schema.create();
});
afterAll(async () => {
  await orm?.close();
});

interface Row {
  kind: string;
  key: string;
  due_at: Date;
  payload: Record<string, unknown>;
  attempts: number;
  fired_at: Date | null;
}
// Raw queries return timestamps as text.
const rowsOf = async (kind: string): Promise<Row[]> => {
  const rows = await orm.em
    .fork()
    .execute<(Omit<Row, 'due_at'> & { due_at: string })[]>(
      `select kind, key, due_at, payload, attempts, fired_at from "${schema}".scheduled_timer where kind = ? order by key`,
      [kind],
    );
  return rows.map((r) => ({ ...r, due_at: new Date(r.due_at) }));
};
const inAnHour = () => new Date(Date.now() + 3_600_000);

describe('scheduleTimer / cancelTimer', () => {
  it('stores a timer with its due time (to the millisecond) and payload', async () => {
    const dueAt = new Date('2027-01-31T23:59:59.123Z');
    await scheduleTimer(orm.em.fork(), { kind: 'store', key: 'order-1', dueAt, payload: { amount: 1200 } });
    await scheduleTimer(orm.em.fork(), { kind: 'store', key: 'order-2', dueAt });
    const rows = await rowsOf('store');
    expect(rows.map((r) => [r.key, r.due_at.toISOString(), r.payload, r.attempts, r.fired_at])).toEqual([
      ['order-1', '2027-01-31T23:59:59.123Z', { amount: 1200 }, 0, null],
      ['order-2', '2027-01-31T23:59:59.123Z', {}, 0, null],
    ]);
  });

  it('replaces due time and payload when (kind, key) is scheduled again, and starts its failures over', async () => {
    await scheduleTimer(orm.em.fork(), { kind: 'move', key: 'k', dueAt: inAnHour(), payload: { v: 1 } });
    await orm.em.fork().execute(`update "${schema}".scheduled_timer set attempts = 3, last_error = 'x' where kind = 'move'`);
    const moved = new Date('2027-03-01T10:00:00.000Z');
    await scheduleTimer(orm.em.fork(), { kind: 'move', key: 'k', dueAt: moved, payload: { v: 2 } });
    const rows = await rowsOf('move');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ due_at: moved, payload: { v: 2 }, attempts: 0 });
  });

  it('keeps the same key of different kinds apart', async () => {
    await scheduleTimer(orm.em.fork(), { kind: 'kind-a', key: 'same', dueAt: inAnHour() });
    await scheduleTimer(orm.em.fork(), { kind: 'kind-b', key: 'same', dueAt: inAnHour() });
    expect(await rowsOf('kind-a')).toHaveLength(1);
    expect(await rowsOf('kind-b')).toHaveLength(1);
  });

  it("takes effect in the caller's transaction: a rollback un-schedules, un-moves and un-cancels", async () => {
    const dueAt = new Date('2027-05-01T00:00:00.000Z');
    await scheduleTimer(orm.em.fork(), { kind: 'tx', key: 'kept', dueAt, payload: { v: 1 } });
    const rollback = new Error('rolled back');
    await expect(
      orm.em.fork().transactional(async (em) => {
        await scheduleTimer(em, { kind: 'tx', key: 'new', dueAt });
        await scheduleTimer(em, { kind: 'tx', key: 'kept', dueAt: inAnHour(), payload: { v: 2 } });
        await cancelTimer(em, 'tx', 'kept');
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    const rows = await rowsOf('tx');
    expect(rows.map((r) => [r.key, r.due_at, r.payload])).toEqual([['kept', dueAt, { v: 1 }]]);

    await orm.em.fork().transactional(async (em) => {
      await scheduleTimer(em, { kind: 'tx', key: 'new', dueAt });
    });
    expect((await rowsOf('tx')).map((r) => r.key)).toEqual(['kept', 'new']);
  });

  it('schedules many in one statement: new ones, a pending one moved, a key named twice as its last mention says', async () => {
    await scheduleTimer(orm.em.fork(), { kind: 'many', key: 'pending', dueAt: inAnHour(), payload: { v: 1 } });
    await orm.em.fork().execute(`update "${schema}".scheduled_timer set attempts = 2 where kind = 'many'`);
    const at = (minute: number) => new Date(`2027-04-01T10:${String(minute).padStart(2, '0')}:00.000Z`);
    await scheduleTimers(orm.em.fork(), [
      { kind: 'many', key: 'a', dueAt: at(1) },
      { kind: 'many', key: 'twice', dueAt: at(2), payload: { v: 'first' } },
      { kind: 'many', key: 'pending', dueAt: at(3), payload: { v: 2 } },
      { kind: 'many', key: 'twice', dueAt: at(4), payload: { v: 'last' } },
    ]);
    expect((await rowsOf('many')).map((r) => [r.key, r.due_at, r.payload, r.attempts])).toEqual([
      ['a', at(1), {}, 0],
      ['pending', at(3), { v: 2 }, 0],
      ['twice', at(4), { v: 'last' }, 0],
    ]);
    await scheduleTimers(orm.em.fork(), []);
    await expect(
      scheduleTimers(orm.em.fork(), [
        { kind: 'many', key: 'fine', dueAt: at(5) },
        { kind: 'many', key: '', dueAt: at(5) },
      ]),
    ).rejects.toThrow(/key/);
    expect(await rowsOf('many')).toHaveLength(3);
  });

  it('cancels a pending timer, and is a no-op for one that does not exist', async () => {
    await scheduleTimer(orm.em.fork(), { kind: 'cancel', key: 'a', dueAt: inAnHour() });
    await scheduleTimer(orm.em.fork(), { kind: 'cancel', key: 'b', dueAt: inAnHour() });
    await cancelTimer(orm.em.fork(), 'cancel', 'a');
    await cancelTimer(orm.em.fork(), 'cancel', 'never-scheduled');
    expect((await rowsOf('cancel')).map((r) => r.key)).toEqual(['b']);
  });

  it('refuses an invalid due time or an empty key (a bug in the caller)', async () => {
    await expect(scheduleTimer(orm.em.fork(), { kind: 'bad', key: 'k', dueAt: new Date('nope') })).rejects.toThrow(/invalid due time/);
    await expect(scheduleTimer(orm.em.fork(), { kind: 'bad', key: '', dueAt: inAnHour() })).rejects.toThrow(/key/);
    expect(await rowsOf('bad')).toHaveLength(0);
  });
});
