import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPlatformMigrations, coreTableMigrations, ormOptions } from '@vitrine/platform';
import { createTestDatabase } from '@vitrine/testing';
import { ordersEntities } from './entities.js';
import { ordersMigrations } from './migrations/index.js';

// Orders placed before checkout and payment plans existed must survive the
// migration that brings them: each keeps its idempotency key (now a checkout
// of its own), gets in-stock terms under the first policy version and its
// creation time as its placing time; "units held" (CONFIRMED) becomes
// AWAITING_PAYMENT; nothing is lost, and a retry under an old key is still
// recognised.
let orm: MikroORM;
const sql = <T = any>(query: string, params: unknown[] = []) => orm.em.fork().getConnection().execute<T[]>(query, params);
const ids = { held: randomUUID(), rejected: randomUUID(), customer: randomUUID(), product: randomUUID() };

beforeAll(async () => {
  const url = await createTestDatabase('order_lifecycle_migration');
  await applyPlatformMigrations(url, 'orders', coreTableMigrations);
  orm = await MikroORM.init(ormOptions({ url, schema: 'orders', entities: ordersEntities, migrations: ordersMigrations }));
  await orm.migrator.up({ to: 'Migration20261125133113_scheduled_timers' });
  const order = (id: string, status: string, key: string) =>
    sql(
      `insert into orders.customer_order (id, customer_id, status, total_amount, currency, idempotency_key, request_fingerprint, created_at, updated_at)
       values (?, ?, ?, 2500, 'USD', ?, ?, '2026-11-20T10:00:00Z', now())`,
      [id, ids.customer, status, key, 'f'.repeat(64)],
    );
  await order(ids.held, 'CONFIRMED', 'key-held-000001');
  await order(ids.rejected, 'REJECTED', 'key-rejected-0001');
  await sql(`insert into orders.order_line (id, order_id, position, product_id, quantity, unit_price_amount) values (?, ?, 0, ?, 1, 2500)`, [
    randomUUID(),
    ids.held,
    ids.product,
  ]);
  await orm.migrator.up();
});
afterAll(async () => {
  await orm?.close();
});

describe('the order lifecycle migration', () => {
  it('keeps every order and line, with in-stock terms under policy version 1, placed when created', async () => {
    const rows = await sql(
      `select id, status, kind, payment_plan, policy_version, to_char(placed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as placed_at, total_amount, deposit_amount, down_payment_amount from orders.customer_order order by status`,
    );
    expect(rows).toEqual([
      {
        id: ids.held,
        status: 'AWAITING_PAYMENT',
        kind: 'IN_STOCK',
        payment_plan: 'IN_STOCK',
        policy_version: 1,
        placed_at: '2026-11-20T10:00:00Z',
        total_amount: 2500,
        deposit_amount: 0,
        down_payment_amount: 0,
      },
      {
        id: ids.rejected,
        status: 'REJECTED',
        kind: 'IN_STOCK',
        payment_plan: 'IN_STOCK',
        policy_version: 1,
        placed_at: '2026-11-20T10:00:00Z',
        total_amount: 2500,
        deposit_amount: 0,
        down_payment_amount: 0,
      },
    ]);
    expect(await sql(`select order_id, unit_down_payment_amount from orders.order_line`)).toEqual([{ order_id: ids.held, unit_down_payment_amount: 0 }]);
  });

  it('turns each idempotency key into a checkout of its own, still unique per customer', async () => {
    expect(
      await sql(`select c.idempotency_key, o.id from orders.checkout c join orders.customer_order o on o.checkout_id = c.id order by c.idempotency_key`),
    ).toEqual([
      { idempotency_key: 'key-held-000001', id: ids.held },
      { idempotency_key: 'key-rejected-0001', id: ids.rejected },
    ]);
    await expect(
      sql(`insert into orders.checkout (id, customer_id, idempotency_key, request_fingerprint, created_at) values (?, ?, 'key-held-000001', 'x', now())`, [
        randomUUID(),
        ids.customer,
      ]),
    ).rejects.toThrow(/checkout_customer_id_idempotency_key_unique/);
  });

  it('refuses an unknown status from now on (the status table is in the database too)', async () => {
    await expect(sql(`update orders.customer_order set status = 'CONFIRMED' where id = ?`, [ids.held])).rejects.toThrow(/customer_order_status_known/);
  });
});
