// @vitrine/testing is resolved through the workspace (declaring it would make a cycle: testing depends on platform).
import { defineEntity, p, UniqueConstraintViolationException } from '@mikro-orm/core';
import { MikroORM } from '@mikro-orm/postgresql';
import { orderPlacedV1, topics } from '@vitrine/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@vitrine/testing';
import { OutboxMessage } from '../outbox/outbox-message.entity.js';
import { defineServiceIdentity } from '../service/service-identity.js';
import { changeOf, rowsOf, writeRows } from './write-rows.js';
import { ormOptions } from './orm.js';
import { applyPlatformMigrations } from './platform-migrations/apply-platform-migrations.js';
import { coreTableMigrations } from './platform-migrations/core-tables.js';

// A use case's whole write in one statement: rows of several tables, one pointing at another, with the event that
// announces them, all stored or none.
const schema = 'insert_rows';
const identity = defineServiceIdentity({ name: 'insert-rows-test', dbSchema: schema, publishes: [topics.ordersOrder], scopes: [] });

const BasketSchema = defineEntity({
  name: 'Basket',
  tableName: 'basket',
  properties: {
    id: p.uuid().primary(),
    label: p.string().unique(),
    note: p.json<{ gift: boolean }>().nullable(),
    size: p.integer().default(3),
    createdAt: p.datetime().onCreate(() => new Date('2026-01-02T03:04:05.678Z')),
  },
});
const ItemSchema = defineEntity({
  name: 'Item',
  tableName: 'item',
  properties: {
    id: p.uuid().primary(),
    basket: () => p.manyToOne(BasketSchema),
    position: p.integer(),
  },
});

class Basket extends BasketSchema.class {}
BasketSchema.setClass(Basket);
class Item extends ItemSchema.class {}
ItemSchema.setClass(Item);

let orm: MikroORM;
const ids = { basket: '5b0f2c55-5c39-4d2b-9a39-8f8d2b8f3a01', item: 'a3c2a3f4-6f0e-4a0c-8f62-6e7b7b0c7a02' };

beforeAll(async () => {
  const url = await createTestDatabase('insert_rows');
  await applyPlatformMigrations(url, schema, coreTableMigrations);
  orm = await MikroORM.init(ormOptions({ url, schema, entities: [BasketSchema, ItemSchema], migrations: [] }));
  await orm.em
    .execute(`create table "${schema}".basket (id uuid primary key, label text not null unique, note jsonb, size int not null default 3, created_at timestamptz not null);
    create table "${schema}".item (id uuid primary key, basket_id uuid not null references "${schema}".basket (id), position int not null)`);
});
afterAll(async () => {
  await orm?.close();
});

const placed = (orderId: string) =>
  identity.outboxRow({ definition: orderPlacedV1, subject: orderId, data: { orderId, customerId: orderId, lines: [{ productId: orderId, quantity: 1 }] } });

describe('writeRows', () => {
  it('writes rows of several tables and their event in one statement, and hands back what was stored', async () => {
    const [baskets, items, events] = await writeRows(orm.em.fork(), [
      rowsOf(Basket, [{ id: ids.basket, label: 'first', note: { gift: true } }], { returning: true }),
      rowsOf(Item, [{ id: ids.item, basket: ids.basket, position: 0 }], { returning: true }),
      rowsOf(OutboxMessage, [placed(ids.basket)]),
    ]);
    // The default came from the database, the timestamp from the property's onCreate hook, a Date again once read.
    expect(baskets).toEqual([{ id: ids.basket, label: 'first', note: { gift: true }, size: 3, createdAt: new Date('2026-01-02T03:04:05.678Z') }]);
    expect(items).toEqual([{ id: ids.item, basket: ids.basket, position: 0 }]);
    expect(events).toEqual([]);
    const [event] = await orm.em.fork().execute(`select seq, type, key, created_at > now() - interval '1 minute' as stamped from "${schema}".outbox_message`);
    expect(event).toMatchObject({ type: orderPlacedV1.type, key: ids.basket, stamped: true });
    expect(event!.seq).not.toBeNull();
  });

  it('writes nothing at all when one row is refused', async () => {
    const other = '0d6c7d8e-1f2a-4b3c-9d4e-5f6a7b8c9d03';
    const write = writeRows(orm.em.fork(), [
      rowsOf(OutboxMessage, [placed(other)]),
      rowsOf(Basket, [{ id: other, label: 'first' }]), // the label is taken
    ]);
    await expect(write).rejects.toBeInstanceOf(UniqueConstraintViolationException);
    const [counted] = await orm.em.fork().execute<{ n: number }[]>(`select count(*)::int as n from "${schema}".outbox_message where key = ?`, [other]);
    expect(counted?.n).toBe(0);
  });

  it('changes a row by its primary key beside other writes, values typed by the table, and hands it back', async () => {
    const item = 'c1d2e3f4-0a1b-4c2d-8e3f-4a5b6c7d8e04';
    const [changed, items] = await writeRows(orm.em.fork(), [
      changeOf(Basket, ids.basket, { note: { gift: false }, size: 7 }, { returning: true }),
      rowsOf(Item, [{ id: item, basket: ids.basket, position: 1 }]),
    ]);
    expect(changed).toEqual([{ id: ids.basket, label: 'first', note: { gift: false }, size: 7, createdAt: new Date('2026-01-02T03:04:05.678Z') }]);
    expect(items).toEqual([]);
    // A property given as undefined is not written (it would have reached the row as null).
    const [one] = await writeRows(orm.em.fork(), [changeOf(Basket, ids.basket, { label: 'renamed', note: undefined }, { returning: true })]);
    expect(one).toMatchObject([{ note: { gift: false } }]);
    expect(one).toMatchObject([{ label: 'renamed', size: 7 }]);
    const [items2] = await orm.em.fork().execute<{ n: number }[]>(`select count(*)::int as n from "${schema}".item where basket_id = ?`, [ids.basket]);
    expect(items2?.n).toBe(2);
  });

  it('changes nothing when a change is refused, the other writes included', async () => {
    const other = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c05';
    const write = writeRows(orm.em.fork(), [
      rowsOf(Basket, [{ id: other, label: 'second' }]),
      changeOf(Basket, ids.basket, { label: 'second' }), // the label the insert beside it takes
    ]);
    await expect(write).rejects.toBeInstanceOf(UniqueConstraintViolationException);
    const rows = await orm.em.fork().execute<{ label: string }[]>(`select label from "${schema}".basket order by label`);
    expect(rows.map((r) => r.label)).toEqual(['renamed']);
  });

  it('leaves an insert of no rows out, and runs no statement when every write is one', async () => {
    const item = 'c1d2e3f4-0a1b-4c2d-8e3f-4a5b6c7d8e06';
    const [none, items, changed] = await writeRows(orm.em.fork(), [
      rowsOf(Basket, [], { returning: true }),
      rowsOf(Item, [{ id: item, basket: ids.basket, position: 2 }], { returning: true }),
      changeOf(Basket, ids.basket, { size: 8 }, { returning: true }),
    ]);
    expect(none).toEqual([]);
    expect(items).toEqual([{ id: item, basket: ids.basket, position: 2 }]);
    expect(changed).toMatchObject([{ size: 8 }]);
    expect(await writeRows(orm.em.fork(), [rowsOf(Basket, []), rowsOf(Item, [], { returning: true })])).toEqual([[], []]);
  });

  it('refuses a property its entity does not have, before any statement', async () => {
    await expect(writeRows(orm.em.fork(), [{ entity: Basket, rows: [{ colour: 'red' } as never] }])).rejects.toThrow('Basket has no property colour');
    await expect(writeRows(orm.em.fork(), [changeOf(Basket, ids.basket, { colour: 'red' } as never)])).rejects.toThrow('Basket has no property colour');
  });
});
