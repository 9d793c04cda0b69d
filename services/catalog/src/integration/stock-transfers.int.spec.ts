import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderPlacedV1, topics, type EventData, type EventEnvelope } from '@vitrine/contracts';
import { eventually, gql, listenToTopic, type TopicListener, type TypedDocumentNode } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import type { TransferStockInput } from '../__generated__/graphql.js';
import { reserveStockForOrder } from '../use-cases/reserve-stock.js';
import { transferStock } from '../use-cases/transfer-stock.js';
import { bootCatalog, createProduct, createWarehouseMutation, type CatalogHarness } from './harness.js';

// Staff move free units between warehouses (transferStock): one transaction, two TRANSFERRED ledger rows naming one
// transfer, an audit entry and StockTransferred in the outbox; the ledger still reconciles. Every refusal is coded,
// readable and changes nothing; two transfers, or a transfer and an order, racing for the same units never both get them.
let catalog: CatalogHarness;
let stockEvents: TopicListener;
let lyon: string;
let retired: string;

beforeAll(async () => {
  catalog = await bootCatalog('stock_transfers');
  stockEvents = await listenToTopic(catalog, topics.catalogStock);
  const warehouse = async (code: string) => {
    const res = await staff(createWarehouseMutation, {
      input: { code, name: `Warehouse ${code}`, country: 'FR', heldByFactory: false, allocationPriority: 20 },
    });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.createWarehouse.id;
  };
  lyon = await warehouse('ST-LYS');
  retired = await warehouse('ST-OLD');
  expect((await staff(retireMutation, { id: retired })).errors).toBeUndefined();
});
afterAll(async () => {
  await stockEvents?.stop();
  await catalog?.stop();
});

const staff = <TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables) =>
  gql(catalog.url, document, variables, catalog.admin.headers);

const transferMutation = graphql(`
  mutation StockTransfersTransfer($input: TransferStockInput!, $key: String) {
    transferStock(input: $input, idempotencyKey: $key) {
      id
      fromWarehouseId
      toWarehouseId
      quantity
      reason
      product {
        stockLevels {
          warehouse {
            id
          }
          onHand
          reserved
          available
        }
      }
    }
  }
`);
const retireMutation = graphql(`
  mutation StockTransfersRetire($id: ID!) {
    retireWarehouse(id: $id) {
      id
    }
  }
`);
const receiveMutation = graphql(`
  mutation StockTransfersReceive($p: ID!, $w: ID!, $q: Int!) {
    receiveStock(productId: $p, warehouseId: $w, quantity: $q) {
      id
    }
  }
`);
const ledgerQuery = graphql(`
  query StockTransfersLedger($id: ID!) {
    product(id: $id) {
      stockMovements(first: 10) {
        warehouseId
        kind
        quantity
        reason
        transfer {
          id
          fromWarehouseId
          toWarehouseId
          quantity
        }
      }
    }
    stockReconciliation(productIds: [$id]) {
      warehouseId
    }
  }
`);

const transfer = (input: TransferStockInput, key?: string) => staff(transferMutation, { input, key: key ?? null });
const levels = async (productId: string) =>
  Object.fromEntries(
    (
      await catalog.sql<{ warehouse_id: string; on_hand: number; reserved: number }>(
        'select warehouse_id, on_hand, reserved from catalog.warehouse_stock where product_id = ?',
        [productId],
      )
    ).map((r) => [r.warehouse_id, { onHand: r.on_hand, reserved: r.reserved }]),
  );
/** Everything a transfer writes, counted: a refusal must leave every count as it was. */
const footprint = async (productId: string) => {
  const [row] = await catalog.sql(
    `select (select count(*) from catalog.stock_movement where product_id = ?)::int as movements,
            (select count(*) from catalog.stock_transfer where product_id = ?)::int as transfers,
            (select count(*) from catalog.audit_entry where subject = ?)::int as audits,
            (select count(*) from catalog.outbox_message where key = ?)::int as events`,
    [productId, productId, productId, productId],
  );
  return { ...row, levels: await levels(productId) };
};
const reconciles = async (productId: string) => {
  const res = await staff(ledgerQuery, { id: productId });
  expect(res.errors).toBeUndefined();
  return res.data!.stockReconciliation.length === 0;
};
type Placed = EventEnvelope<EventData<typeof orderPlacedV1>>;

/** Sessions of this test's database waiting for a lock (the contenders queued behind the product row). */
const waiting = async () =>
  Number((await catalog.sql(`select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`))[0].n);

/** Holds the product's row lock, starts the contenders one after the other (each queued before the next starts), then lets go. */
async function behindProductLock(productId: string, contenders: readonly (() => Promise<unknown>)[]): Promise<PromiseSettledResult<unknown>[]> {
  let release!: () => void;
  let locked!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const holder = catalog.service.orm.em.fork().transactional(async (tx) => {
    await tx.execute('select id from catalog.product where id = ? for update', [productId]);
    locked();
    await released;
  });
  await isLocked;
  const runs: Promise<PromiseSettledResult<unknown>>[] = [];
  for (const [index, contender] of contenders.entries()) {
    runs.push(
      contender().then(
        (value) => ({ status: 'fulfilled' as const, value }),
        (reason: unknown) => ({ status: 'rejected' as const, reason }),
      ),
    );
    await eventually(async () => (await waiting()) >= index + 1, { intervalMs: 20 });
  }
  release();
  await holder;
  return Promise.all(runs);
}

async function placeOrder(productId: string, quantity: number): Promise<'reserved' | 'rejected'> {
  const orderId = randomUUID();
  await catalog.publish({
    source: 'orders',
    definition: orderPlacedV1,
    subject: orderId,
    data: { orderId, customerId: catalog.customer.id, lines: [{ productId, quantity }] },
  });
  const answer = await eventually(() => stockEvents.received.find((e) => e.subject === orderId && e.type !== 'catalog.stock.released'));
  return answer.type === 'catalog.stock.reserved' ? 'reserved' : 'rejected';
}

describe('transferStock', () => {
  it('moves units in one transfer: two ledger rows naming it, an audit entry, StockTransferred in the outbox, and the ledger reconciles', async () => {
    const product = await createProduct(catalog, 5);
    const france = catalog.warehouses.france;
    const res = await transfer({ productId: product.id, fromWarehouseId: france, toWarehouseId: lyon, quantity: 3, reason: '  Closing the Paris shelf. ' });
    expect(res.errors).toBeUndefined();
    const moved = res.data!.transferStock;
    expect(moved).toMatchObject({ fromWarehouseId: france, toWarehouseId: lyon, quantity: 3, reason: 'Closing the Paris shelf.' });
    expect(moved.product.stockLevels.map((l) => [l.warehouse.id, l.onHand, l.available]).sort()).toEqual(
      [
        [france, 2, 2],
        [lyon, 3, 3],
      ].sort(),
    );
    expect(await levels(product.id)).toEqual({ [france]: { onHand: 2, reserved: 0 }, [lyon]: { onHand: 3, reserved: 0 } });

    const ledger = (await staff(ledgerQuery, { id: product.id })).data!.product!.stockMovements;
    const halves = ledger.filter((m) => m.kind === 'TRANSFERRED');
    expect(halves.map((m) => [m.warehouseId, m.quantity])).toEqual([
      [lyon, 3],
      [france, -3],
    ]);
    expect(halves.every((m) => m.transfer?.id === moved.id && m.transfer.fromWarehouseId === france && m.reason === 'Closing the Paris shelf.')).toBe(true);
    expect(await reconciles(product.id)).toBe(true);

    const [audit] = await catalog.sql('select action, details from catalog.audit_entry where subject = ? and action = ?', [product.id, 'stock.transferred']);
    expect(audit.details).toMatchObject({ transferId: moved.id, quantity: 3, onHand: { source: { from: 5, to: 2 }, destination: { from: 0, to: 3 } } });
    const events = await catalog.sql<{ envelope: { data: unknown } }>(
      `select envelope from catalog.outbox_message where type = 'catalog.stock.transferred' and key = ?`,
      [product.id],
    );
    expect(events.map((e) => e.envelope.data)).toEqual([
      expect.objectContaining({
        transferId: moved.id,
        productId: product.id,
        fromWarehouseId: france,
        toWarehouseId: lyon,
        quantity: 3,
        fromOnHand: 2,
        toOnHand: 3,
      }),
    ]);
    await eventually(() => stockEvents.received.some((e) => e.type === 'catalog.stock.transferred' && e.subject === product.id));
  });

  it('refuses, changing nothing: the same warehouse, a bad quantity, no reason, more than the free units, a retired or unknown warehouse, an unknown product', async () => {
    const product = await createProduct(catalog, 5);
    const france = catalog.warehouses.france;
    expect(await placeOrder(product.id, 2)).toBe('reserved');
    const before = await footprint(product.id);
    const base = { productId: product.id, fromWarehouseId: france, toWarehouseId: lyon, quantity: 1, reason: 'Rebalancing.' };
    const problems = (res: Awaited<ReturnType<typeof transfer>>) => res.errors?.[0]?.extensions?.problems?.map((p: any) => [p.field, p.reason]);

    const same = await transfer({ ...base, toWarehouseId: france.toUpperCase(), quantity: 0, reason: ' ' });
    expect(same.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(problems(same)).toEqual([
      ['quantity', 'OUT_OF_RANGE'],
      ['toWarehouseId', 'SAME_WAREHOUSE'],
      ['reason', 'REQUIRED'],
    ]);
    expect(problems(await transfer({ ...base, quantity: -2 }))).toEqual([['quantity', 'OUT_OF_RANGE']]);

    const tooMany = await transfer({ ...base, quantity: 4 });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'TRANSFER_EXCEEDS_FREE_UNITS', free: 3, reserved: 2 });
    expect(tooMany.errors?.[0]?.message).toBe('E2E-FR has 3 free units of this product (5 on hand, 2 reserved for orders): at most 3 can be moved.');

    const toRetired = await transfer({ ...base, toWarehouseId: retired });
    expect(problems(toRetired)).toEqual([['toWarehouseId', 'WAREHOUSE_RETIRED']]);
    expect(toRetired.errors?.[0]?.extensions?.problems[0].message).toContain('ST-OLD is retired');
    expect(problems(await transfer({ ...base, fromWarehouseId: retired }))).toEqual([['fromWarehouseId', 'WAREHOUSE_RETIRED']]);
    expect(problems(await transfer({ ...base, toWarehouseId: randomUUID() }))).toEqual([['toWarehouseId', 'UNKNOWN_WAREHOUSE']]);
    expect(problems(await transfer({ ...base, fromWarehouseId: 'nowhere' }))).toEqual([['fromWarehouseId', 'MALFORMED_ID']]);
    expect((await transfer({ ...base, productId: randomUUID() })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(problems(await transfer(base, 'short'))).toEqual([['idempotencyKey', 'INVALID_IDEMPOTENCY_KEY']]);

    expect(await footprint(product.id)).toEqual(before);
    expect(await reconciles(product.id)).toBe(true);
  });

  it('empties a warehouse so it can retire: its units are elsewhere, counted once, and no write-off is in the ledger', async () => {
    const res = await staff(createWarehouseMutation, {
      input: { code: 'ST-PAR', name: 'Paris, closing', country: 'FR', heldByFactory: false, allocationPriority: 30 },
    });
    const paris = res.data!.createWarehouse.id;
    const product = await createProduct(catalog, 1);
    expect((await staff(receiveMutation, { p: product.id, w: paris, q: 4 })).errors).toBeUndefined();
    expect((await staff(retireMutation, { id: paris })).errors?.[0]?.extensions?.rule).toBe('WAREHOUSE_HOLDS_STOCK');
    expect(
      (await transfer({ productId: product.id, fromWarehouseId: paris, toWarehouseId: lyon, quantity: 4, reason: 'Closing Paris.' })).errors,
    ).toBeUndefined();
    expect((await staff(retireMutation, { id: paris })).errors).toBeUndefined();
    expect(await levels(product.id)).toEqual({
      [catalog.warehouses.france]: { onHand: 1, reserved: 0 },
      [paris]: { onHand: 0, reserved: 0 },
      [lyon]: { onHand: 4, reserved: 0 },
    });
    const kinds = (await staff(ledgerQuery, { id: product.id })).data!.product!.stockMovements.map((m) => m.kind);
    expect(kinds).not.toContain('ADJUSTED');
    expect(await reconciles(product.id)).toBe(true);
  });

  it('moves once per idempotency key: the same request gets the first transfer back, another one under the key is a CONFLICT', async () => {
    const product = await createProduct(catalog, 4);
    const input = { productId: product.id, fromWarehouseId: catalog.warehouses.france, toWarehouseId: lyon, quantity: 1, reason: 'Shelf space.' };
    const key = randomUUID();
    const [first, again] = await Promise.all([transfer(input, key), transfer(input, key)]);
    expect(first.errors).toBeUndefined();
    expect(again.errors).toBeUndefined();
    expect(again.data!.transferStock.id).toBe(first.data!.transferStock.id);
    const reused = await transfer({ ...input, quantity: 2 }, key);
    expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', rule: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await levels(product.id)).toEqual({ [catalog.warehouses.france]: { onHand: 3, reserved: 0 }, [lyon]: { onHand: 1, reserved: 0 } });
    expect(Number((await catalog.sql('select count(*) as n from catalog.stock_transfer where product_id = ?', [product.id]))[0].n)).toBe(1);
  });

  it('of two transfers racing for units enough for one, exactly one moves them', async () => {
    for (let round = 0; round < 3; round++) {
      const product = await createProduct(catalog, 3);
      const input = { productId: product.id, fromWarehouseId: catalog.warehouses.france, quantity: 2, reason: 'Race.' };
      // Round 0 as they come; then both queued behind the product's row lock before either may read the units.
      const contenders = [() => transfer({ ...input, toWarehouseId: lyon }), () => transfer({ ...input, toWarehouseId: catalog.warehouses.factory })];
      const results =
        round === 0
          ? await Promise.all(contenders.map((c) => c()))
          : (await behindProductLock(product.id, contenders)).map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof transfer>>>).value);
      const refused = results.filter((r) => r.errors);
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(refused.map((r) => r.errors?.[0]?.extensions?.rule)).toEqual(['TRANSFER_EXCEEDS_FREE_UNITS']);
      expect(refused[0]!.errors?.[0]?.message).toContain('has 1 free unit');
      const after = Object.values(await levels(product.id));
      expect(after.reduce((sum, l) => sum + l.onHand, 0)).toBe(3);
      expect(after.find((l) => l.onHand === 1)).toBeDefined();
      expect(await reconciles(product.id)).toBe(true);
    }
  });

  it('a transfer and an order queued for the same units: whichever comes first gets them, the other is refused, and no count goes below what it holds', async () => {
    // CHINA_STOCK sells from the factory's warehouses only: units moved to France are no longer the order's to take.
    // Both contenders are queued behind the product's row lock (held here), first one then the other, and let go at once.
    for (const first of ['order', 'transfer'] as const) {
      const product = await createProduct(catalog, 2, 1000, { status: 'CHINA_STOCK', warehouseId: catalog.warehouses.factory });
      const orderId = randomUUID();
      const order = () =>
        catalog.service.orm.em
          .fork()
          .transactional((tx) =>
            reserveStockForOrder(tx, { data: { orderId, customerId: catalog.customer.id, lines: [{ productId: product.id, quantity: 2 }] } } as Placed),
          );
      const move = () =>
        transferStock(catalog.service.orm.em.fork(), catalog.admin.id, {
          productId: product.id,
          fromWarehouseId: catalog.warehouses.factory,
          toWarehouseId: catalog.warehouses.france,
          quantity: 2,
          reason: 'Race.',
          idempotencyKey: null,
        });
      const settled = await behindProductLock(product.id, first === 'order' ? [order, move] : [move, order]);
      const [orderDone, moveDone] = (first === 'order' ? settled : [...settled].reverse()) as [PromiseSettledResult<unknown>, PromiseSettledResult<unknown>];
      expect(orderDone.status).toBe('fulfilled');
      const answer = await catalog.sql<{ type: string }>('select type from catalog.outbox_message where key = ?', [orderId]);
      if (first === 'order') {
        expect(answer.map((a) => a.type)).toEqual(['catalog.stock.reserved']);
        expect(moveDone.status).toBe('rejected');
        expect((moveDone as PromiseRejectedResult).reason.details).toMatchObject({ rule: 'TRANSFER_EXCEEDS_FREE_UNITS', free: 0, reserved: 2 });
      } else {
        expect(moveDone.status).toBe('fulfilled');
        expect(answer.map((a) => a.type)).toEqual(['catalog.stock.rejected']);
      }
      const after = Object.values(await levels(product.id));
      expect(after.every((l) => l.onHand >= 0 && l.reserved >= 0 && l.reserved <= l.onHand)).toBe(true);
      expect(after.reduce((sum, l) => sum + l.onHand, 0)).toBe(2);
      expect(await reconciles(product.id)).toBe(true);
    }
  });
});
