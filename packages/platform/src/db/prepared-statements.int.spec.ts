// @vitrine/testing is resolved through the workspace (declaring it would make a cycle: testing depends on platform).
import { defineEntity, p } from '@mikro-orm/core';
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@vitrine/testing';
import { ormOptions } from './orm.js';

// Statements go to PostgreSQL with their values as parameters, and a recurring one is prepared once per connection:
// the values must mean what MikroORM's inlining made of them, through the unit of work and through em.execute.
const schema = 'prepared_statements';

const ParcelSchema = defineEntity({
  name: 'Parcel',
  tableName: 'parcel',
  properties: {
    id: p.uuid().primary(),
    label: p.string(),
    contents: p.json<{ items: string[] }>(),
    weight: p.integer(),
    fragile: p.boolean(),
    sentAt: p.datetime().nullable(),
  },
});
class Parcel extends ParcelSchema.class {}
ParcelSchema.setClass(Parcel);

let orm: MikroORM;
const ids = ['0f6a0c1e-1b1a-4b0e-9a51-3c2e54a0a001', '0f6a0c1e-1b1a-4b0e-9a51-3c2e54a0a002', '0f6a0c1e-1b1a-4b0e-9a51-3c2e54a0a003'];

beforeAll(async () => {
  const url = await createTestDatabase('prepared_statements');
  orm = await MikroORM.init(ormOptions({ url, schema, entities: [ParcelSchema], migrations: [], platformMigrations: [] }));
  await orm.em.execute(`create schema if not exists "${schema}";
    create table "${schema}".parcel (id uuid primary key, label text not null, contents jsonb not null, weight int not null,
      fragile boolean not null, sent_at timestamptz)`);
});
afterAll(async () => {
  await orm?.close();
});

describe('statements with parameters', () => {
  it('store and read back every kind of value the unit of work writes', async () => {
    const sentAt = new Date('2026-12-06T10:11:12.345Z');
    const em = orm.em.fork();
    em.create(Parcel, { id: ids[0]!, label: "O'Brien's \\ statue ?", contents: { items: ['base', 'head'] }, weight: 1200, fragile: true, sentAt });
    em.create(Parcel, { id: ids[1]!, label: 'plain', contents: { items: [] }, weight: 0, fragile: false, sentAt: null });
    await em.flush();

    const [first, second] = await orm.em.fork().find(Parcel, { id: { $in: [ids[0]!, ids[1]!] } }, { orderBy: { weight: 'desc' } });
    expect(first).toMatchObject({ label: "O'Brien's \\ statue ?", contents: { items: ['base', 'head'] }, weight: 1200, fragile: true, sentAt });
    expect(second).toMatchObject({ label: 'plain', contents: { items: [] }, weight: 0, fragile: false, sentAt: null });
  });

  it('keep a list as one parameter per item and a date as a moment', async () => {
    const rows = await orm.em
      .fork()
      .execute<{ id: string }[]>(`select id from "${schema}".parcel where id in (?) and (sent_at is null or sent_at < ?) order by weight`, [
        [ids[0], ids[1], ids[2]],
        new Date('2026-12-07T00:00:00Z'),
      ]);
    expect(rows.map((r) => r.id)).toEqual([ids[1], ids[0]]);
  });

  it('are prepared on a connection once they recur, and the prepared statement gives the same answers', async () => {
    const text = `select count(*)::int as n from "${schema}".parcel where weight >= ?`;
    const counts = await orm.em.fork().transactional(async (em) => {
      // One transaction: one connection, so what it prepared is visible to it.
      const answers: number[] = [];
      for (const weight of [0, 1000, 5000]) answers.push((await em.execute<{ n: number }[]>(text, [weight]))[0]!.n);
      const prepared = await em.execute<{ statement: string }[]>(`select statement from pg_prepared_statements where statement like ?`, [
        `%"${schema}".parcel where weight >= $1`,
      ]);
      return { answers, prepared: prepared.map((r) => r.statement) };
    });
    expect(counts.answers).toEqual([2, 1, 0]);
    expect(counts.prepared).toEqual([`select count(*)::int as n from "${schema}".parcel where weight >= $1`]);
  });

  it('are prepared afresh once a migration changed the columns a prepared one returns', async () => {
    // One connection, so the statement prepared on it is the one that meets the new column.
    const single = await MikroORM.init({ ...ormOptions({ url: orm.config.get('clientUrl')!, schema, entities: [ParcelSchema], migrations: [], poolMax: 1 }) });
    try {
      const text = `select * from "${schema}".parcel where id = ?`;
      for (let i = 0; i < 2; i++) expect(await single.em.fork().execute(text, [ids[0]])).toHaveLength(1);
      await single.em.fork().execute(`alter table "${schema}".parcel add column customs_code text`);
      // PostgreSQL refuses the stale prepared statement once; the next call prepares the text again and sees the column.
      await expect(single.em.fork().execute(text, [ids[0]])).rejects.toThrow(/cached plan must not change result type/);
      const [row] = await single.em.fork().execute<Record<string, unknown>[]>(text, [ids[0]]);
      expect(row).toHaveProperty('customs_code', null);
    } finally {
      await single.close();
      await orm.em.fork().execute(`alter table "${schema}".parcel drop column customs_code`);
    }
  });

  it('report a constraint as MikroORM reports it, and leave the connection usable', async () => {
    const em = orm.em.fork();
    await expect(
      em.execute(`insert into "${schema}".parcel (id, label, contents, weight, fragile) values (?, ?, ?, ?, ?)`, [ids[0], 'again', '{}', 1, false]),
    ).rejects.toThrow(/duplicate key/);
    expect(await orm.em.fork().count(Parcel, {})).toBe(2);
  });
});
