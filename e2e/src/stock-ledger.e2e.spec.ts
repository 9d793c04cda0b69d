import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderStatusChangedV1, stockReservedV1, topics } from '@vitrine/contracts';
import { orders } from '@vitrine/orders';
import { eventually, listenToTopic, type TopicListener, type TypedDocumentNode } from '@vitrine/testing';
import { graphql } from './__generated__/index.js';
import type { CreateWarehouseInput, OrderLineInput } from './__generated__/graphql.js';
import { count } from './support/sql.js';
import { createProduct, createWarehouseMutation, graph, orderQuery, placeOrder, startTestStack, stockOf, type TestStack } from './support/stack.js';

// Issue 4: stock per warehouse kept as a ledger, reservations released on
// cancellation, committed on shipping, preorders moved onto arrived stock.
// Staff and customers go through the gateway. (Bad stock changes, which only
// catalog sees: services/catalog/src/integration/stock-changes.int.spec.ts.)
let stack: TestStack;
let stockTopic: TopicListener;
let productTopic: TopicListener;

beforeAll(async () => {
  stack = await startTestStack({ label: 'stock-ledger' });
  [stockTopic, productTopic] = await Promise.all([listenToTopic(stack, topics.catalogStock), listenToTopic(stack, topics.catalogProduct)]);
});
afterAll(async () => {
  await Promise.all([stockTopic?.stop(), productTopic?.stop()]);
  await stack?.stop();
});

const staff = <TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables) => graph(stack, document, variables, stack.admin);
const sql = <T = any>(query: string, params: unknown[] = []) => stack.catalog.orm.em.fork().getConnection().execute<T[]>(query, params);

const stockQuery = graphql(`
  query LedgerStock($id: ID!) {
    product(id: $id) {
      status
      availableQuantity
      stockLevels {
        warehouse {
          id
          code
        }
        onHand
        reserved
        available
      }
    }
  }
`);
const stockLevels = async (productId: string) => {
  const res = await staff(stockQuery, { id: productId });
  expect(res.errors).toBeUndefined();
  return res.data!.product!;
};
const levelIn = async (productId: string, warehouseId: string) => (await stockLevels(productId)).stockLevels.find((l) => l.warehouse.id === warehouseId);
const reconciliation = async (...productIds: string[]) => {
  const res = await staff(
    graphql(`
      query LedgerReconciliation($ids: [ID!]!) {
        stockReconciliation(productIds: $ids) {
          productId
          warehouseId
          storedOnHand
          ledgerOnHand
          storedReserved
          ledgerReserved
        }
      }
    `),
    { ids: productIds },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.stockReconciliation;
};
const receive = (productId: string, warehouseId: string, quantity: number) =>
  staff(
    graphql(`
      mutation LedgerReceive($p: ID!, $w: ID!, $q: Int!) {
        receiveStock(productId: $p, warehouseId: $w, quantity: $q) {
          id
        }
      }
    `),
    { p: productId, w: warehouseId, q: quantity },
  );
const adjust = (productId: string, warehouseId: string, delta: number, reason: string) =>
  staff(
    graphql(`
      mutation LedgerAdjust($p: ID!, $w: ID!, $d: Int!, $r: String!) {
        adjustStock(productId: $p, warehouseId: $w, delta: $d, reason: $r) {
          id
        }
      }
    `),
    { p: productId, w: warehouseId, d: delta, r: reason },
  );
const arrive = (productId: string, warehouseId: string, quantity: number) =>
  staff(
    graphql(`
      mutation LedgerArrive($p: ID!, $w: ID!, $q: Int!) {
        arrivedAtWarehouse(productId: $p, warehouseId: $w, quantity: $q) {
          movedFromPreorders
          surplus
          product {
            availableQuantity
          }
        }
      }
    `),
    { p: productId, w: warehouseId, q: quantity },
  );
const newWarehouse = async (input: Partial<CreateWarehouseInput>) => {
  const code = `W${randomUUID().slice(0, 8).toUpperCase()}`;
  const res = await staff(createWarehouseMutation, {
    input: { code, name: `Warehouse ${code}`, country: 'FR', heldByFactory: false, allocationPriority: 10, ...input },
  });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.createWarehouse.id;
};

/** Places an order as the stack's customer and waits for catalog's answer. */
async function order(lines: OrderLineInput[]): Promise<{ id: string; status: string; statusReason?: string | null }> {
  const placed = await placeOrder(stack, stack.customer, lines);
  expect(placed.errors).toBeUndefined();
  const id = placed.data!.placeOrder.id;
  return eventually(async () => {
    const res = await graph(stack, orderQuery, { id }, stack.customer);
    return res.data?.order.status !== 'PENDING' && res.data?.order;
  });
}

const cancel = (id: string, reason = 'Customer asked by email.') =>
  graph(
    stack,
    graphql(`
      mutation LedgerCancel($id: ID!, $reason: String!) {
        cancelOrder(id: $id, reason: $reason) {
          id
          status
          statusReason
        }
      }
    `),
    { id, reason },
    stack.admin,
  );

/**
 * Fulfilment does not exist yet: the test stands in for it by staging a
 * SHIPPED OrderStatusChanged in orders' own outbox, which the relay publishes
 * exactly as orders will once it ships orders.
 */
async function publishStatusFromOrders(orderId: string, from: string, to: string): Promise<void> {
  const eventId = await stack.orders.orm.em.fork().transactional(async (tx) => {
    return orders.recordEvent(tx, { definition: orderStatusChangedV1, subject: orderId, data: { orderId, from, to } }).id;
  });
  // Handled (or found to change nothing) by catalog once its inbox has the event.
  await eventually(async () => (await count(stack, 'select count(*) as n from catalog.inbox_processed_event where event_id = ?', [eventId])) === 1);
}

const reservations = (orderId: string) =>
  sql<{ warehouse_id: string | null; quantity: number; state: string }>(
    'select warehouse_id, quantity, state from catalog.stock_reservation where order_id = ? order by quantity desc, warehouse_id',
    [orderId],
  );

describe('warehouses and in-stock reservations', () => {
  it('splits a line across warehouses: own ones by priority, the factory last; CHINA_STOCK only from the factory', async () => {
    const first = await newWarehouse({ allocationPriority: 1 });
    const second = await newWarehouse({ allocationPriority: 5 });
    const factory = await newWarehouse({ country: 'CN', heldByFactory: true, allocationPriority: 0 });
    const product = await createProduct(stack, 0);
    for (const [w, q] of [
      [second, 3],
      [first, 2],
      [factory, 10],
    ] as const)
      expect((await receive(product.id, w, q)).errors).toBeUndefined();

    const served = await order([{ productId: product.id, quantity: 6 }]);
    expect(served.status).toBe('AWAITING_PAYMENT');
    expect(await reservations(served.id)).toEqual(
      expect.arrayContaining([
        { warehouse_id: second, quantity: 3, state: 'RESERVED' },
        { warehouse_id: first, quantity: 2, state: 'RESERVED' },
        { warehouse_id: factory, quantity: 1, state: 'RESERVED' },
      ]),
    );
    const levels = await stockLevels(product.id);
    expect(levels.availableQuantity).toBe(9);
    expect(levels.stockLevels.map((l) => [l.warehouse.id, l.onHand, l.reserved, l.available])).toEqual([
      [first, 2, 2, 0],
      [second, 3, 3, 0],
      [factory, 10, 1, 9],
    ]);

    const china = await createProduct(stack, 5, 1000, { status: 'CHINA_STOCK', warehouseId: stack.warehouses.france });
    const refused = await order([{ productId: china.id, quantity: 1 }]);
    expect(refused).toMatchObject({ status: 'REJECTED', statusReason: 'INSUFFICIENT_STOCK' });
    expect((await receive(china.id, stack.warehouses.factory, 2)).errors).toBeUndefined();
    expect((await stockLevels(china.id)).availableQuantity).toBe(2);
    const fromFactory = await order([{ productId: china.id, quantity: 2 }]);
    expect(fromFactory.status).toBe('AWAITING_PAYMENT');
    expect(await reservations(fromFactory.id)).toEqual([{ warehouse_id: stack.warehouses.factory, quantity: 2, state: 'RESERVED' }]);
    expect(await reconciliation(product.id, china.id)).toEqual([]);
  });

  it('adjusts stock with a reason, never below what is reserved; every change is in the ledger', async () => {
    const product = await createProduct(stack, 5);
    const france = stack.warehouses.france;
    expect((await order([{ productId: product.id, quantity: 3 }])).status).toBe('AWAITING_PAYMENT');

    const tooMuch = await adjust(product.id, france, -3, 'Two units broken in transit.');
    expect(tooMuch.errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'STOCK_BELOW_RESERVED' });
    expect((await adjust(product.id, france, -2, 'Two units broken in transit.')).errors).toBeUndefined();
    expect(await levelIn(product.id, france)).toMatchObject({ onHand: 3, reserved: 3, available: 0 });
    expect((await adjust(product.id, france, 4, 'Found in the back room at the yearly count.')).errors).toBeUndefined();
    expect(await stockOf(stack, product.id)).toBe(4);

    const ledger = await sql<{ kind: string; quantity: number; reason: string | null }>(
      'select kind, quantity, reason from catalog.stock_movement where product_id = ? order by id',
      [product.id],
    );
    expect(ledger.map((m) => [m.kind, m.quantity])).toEqual([
      ['RECEIVED', 5],
      ['RESERVED', 3],
      ['ADJUSTED', -2],
      ['ADJUSTED', 4],
    ]);
    expect(ledger[2]!.reason).toBe('Two units broken in transit.');
    // Staff read the same ledger through GraphQL, newest first, a page at a time.
    const movements = graphql(`
      query LedgerMovements($id: ID!, $first: Int, $before: ID) {
        product(id: $id) {
          stockMovements(first: $first, beforeId: $before) {
            id
            warehouseId
            kind
            quantity
            orderId
            reason
            actorId
          }
        }
      }
    `);
    const page1 = (await staff(movements, { id: product.id, first: 3 })).data!.product!.stockMovements;
    expect(page1.map((m) => [m.kind, m.quantity])).toEqual([
      ['ADJUSTED', 4],
      ['ADJUSTED', -2],
      ['RESERVED', 3],
    ]);
    expect(page1[0]).toMatchObject({ warehouseId: france, actorId: stack.admin.id, reason: 'Found in the back room at the yearly count.' });
    expect(page1[2]).toMatchObject({ orderId: expect.any(String), actorId: null });
    const page2 = (await staff(movements, { id: product.id, first: 3, before: page1[2]!.id })).data!.product!.stockMovements;
    expect(page2.map((m) => m.kind)).toEqual(['RECEIVED']);
    expect((await graph(stack, movements, { id: product.id }, stack.customer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await staff(movements, { id: product.id, first: 0, before: 'x' })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [
        { field: 'first', reason: 'OUT_OF_RANGE' },
        { field: 'beforeId', reason: 'MALFORMED_ID' },
      ],
    });
    expect(await count(stack, `select count(*) as n from catalog.audit_entry where subject = ? and action = 'stock.adjusted'`, [product.id])).toBe(2);
    expect(await reconciliation(product.id)).toEqual([]);

    // A counter changed behind the ledger's back is reported.
    await sql('update catalog.warehouse_stock set on_hand = on_hand + 1 where product_id = ? and warehouse_id = ?', [product.id, france]);
    expect(await reconciliation(product.id)).toEqual([
      { productId: product.id, warehouseId: france, storedOnHand: 8, ledgerOnHand: 7, storedReserved: 3, ledgerReserved: 3 },
    ]);
    await sql('update catalog.warehouse_stock set on_hand = on_hand - 1 where product_id = ? and warehouse_id = ?', [product.id, france]);
  });
});

describe('release and commit', () => {
  it('a cancelled order gives its units back once, announced by StockReleased', async () => {
    const product = await createProduct(stack, 5);
    const placed = await order([{ productId: product.id, quantity: 2 }]);
    expect(placed.status).toBe('AWAITING_PAYMENT');
    expect(await stockOf(stack, product.id)).toBe(3);

    const cancelled = await cancel(placed.id);
    expect(cancelled.data!.cancelOrder).toEqual({ id: placed.id, status: 'CANCELLED', statusReason: 'Customer asked by email.' });
    await eventually(async () => (await stockOf(stack, product.id)) === 5);
    const released = await eventually(async () => stockTopic.received.find((e) => e.type === 'catalog.stock.released' && e.subject === placed.id));
    expect(released.data).toEqual({ orderId: placed.id, lines: [{ productId: product.id, quantity: 2 }], reason: 'CANCELLED' });
    expect(await reservations(placed.id)).toEqual([{ warehouse_id: stack.warehouses.france, quantity: 2, state: 'RELEASED' }]);

    // A second CANCELLED event for the order (a duplicate publish, new event id) releases nothing more.
    await publishStatusFromOrders(placed.id, 'AWAITING_PAYMENT', 'CANCELLED');
    const sentinel = await order([{ productId: product.id, quantity: 1 }]);
    expect(sentinel.status).toBe('AWAITING_PAYMENT');
    expect(await stockOf(stack, product.id)).toBe(4);
    expect(await count(stack, `select count(*) as n from catalog.outbox_message where type = 'catalog.stock.released' and key = ?`, [placed.id])).toBe(1);
    expect(await count(stack, `select count(*) as n from catalog.stock_movement where order_id = ? and kind = 'RELEASED'`, [placed.id])).toBe(1);

    expect((await cancel(placed.id)).errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'ORDER_ENDED' });
    const rejected = await order([{ productId: product.id, quantity: 50 }]);
    expect(rejected.status).toBe('REJECTED');
    expect((await cancel(rejected.id)).errors?.[0]?.extensions?.code).toBe('POLICY_VIOLATION');
    expect(await reconciliation(product.id)).toEqual([]);
  });

  it('a shipped order takes its units out of reserved and on hand, once', async () => {
    const product = await createProduct(stack, 5);
    const placed = await order([{ productId: product.id, quantity: 2 }]);
    expect(placed.status).toBe('AWAITING_PAYMENT');
    await publishStatusFromOrders(placed.id, 'AWAITING_PAYMENT', 'SHIPPED');
    expect(await reservations(placed.id)).toEqual([{ warehouse_id: stack.warehouses.france, quantity: 2, state: 'COMMITTED' }]);
    expect(await levelIn(product.id, stack.warehouses.france)).toMatchObject({ onHand: 3, reserved: 0, available: 3 });

    await publishStatusFromOrders(placed.id, 'AWAITING_PAYMENT', 'SHIPPED');
    expect((await order([{ productId: product.id, quantity: 1 }])).status).toBe('AWAITING_PAYMENT');
    expect(await levelIn(product.id, stack.warehouses.france)).toMatchObject({ onHand: 3, reserved: 1 });
    const shipped = await sql<{ kind: string; quantity: number }>(`select kind, quantity from catalog.stock_movement where order_id = ? and kind = 'SHIPPED'`, [
      placed.id,
    ]);
    expect(shipped).toEqual([{ kind: 'SHIPPED', quantity: -2 }]);
    expect(await reconciliation(product.id)).toEqual([]);
  });

  it('an order cancelled at once, whether catalog has answered yet or not, ends CANCELLED with every unit back', async () => {
    const product = await createProduct(stack, 4);
    const deadBefore = await count(stack, 'select count(*) as n from orders.inbox_dead_letter');
    const placed = await placeOrder(stack, stack.customer, [{ productId: product.id, quantity: 3 }]);
    const id = placed.data!.placeOrder.id;
    expect((await cancel(id)).data!.cancelOrder.status).toBe('CANCELLED');
    // OrderPlaced and the cancellation share the order-keyed topic: catalog reserves, then releases.
    await eventually(async () => (await reservations(id)).map((r) => r.state).join() === 'RELEASED');
    expect(await stockOf(stack, product.id)).toBe(4);
    // Orders has seen catalog's answer (StockReserved, for an order already cancelled) and kept it cancelled.
    const answer = await sql<{ event_id: string }>(`select event_id from catalog.outbox_message where type = 'catalog.stock.reserved' and key = ?`, [id]);
    expect(answer).toHaveLength(1);
    await eventually(
      async () => (await count(stack, 'select count(*) as n from orders.inbox_processed_event where event_id = ?', [answer[0]!.event_id])) === 1,
    );
    expect((await graph(stack, orderQuery, { id }, stack.customer)).data!.order.status).toBe('CANCELLED');
    expect(await count(stack, 'select count(*) as n from orders.inbox_dead_letter')).toBe(deadBefore);
    expect(await reconciliation(product.id)).toEqual([]);
  });

  it('a stock answer for an order cancelled meanwhile is ignored by orders, not dead-lettered', async () => {
    const product = await createProduct(stack, 5);
    const placed = await order([{ productId: product.id, quantity: 1 }]);
    expect((await cancel(placed.id)).errors).toBeUndefined();
    const late = {
      id: randomUUID(),
      type: stockReservedV1.type,
      source: 'catalog',
      time: new Date().toISOString(),
      subject: placed.id,
      version: stockReservedV1.version,
      data: { orderId: placed.id, lines: [{ productId: product.id, quantity: 1 }] },
    };
    const deadBefore = await count(stack, 'select count(*) as n from orders.inbox_dead_letter');
    await stack.catalog.bus.publish([{ topic: stack.topicPrefix + topics.catalogStock, key: placed.id, value: JSON.stringify(late), headers: {} }]);
    await eventually(async () => (await count(stack, 'select count(*) as n from orders.inbox_processed_event where event_id = ?', [late.id])) === 1);
    expect(await count(stack, 'select count(*) as n from orders.inbox_dead_letter')).toBe(deadBefore);
    expect((await graph(stack, orderQuery, { id: placed.id }, stack.customer)).data!.order.status).toBe('CANCELLED');
  });
});

describe('preorders arriving at a warehouse', () => {
  it('moves outstanding preorders onto arrived units first, oldest first; the surplus is sellable; ProductArrived is announced', async () => {
    const product = await createProduct(stack, 0, 1000, { status: 'PREORDER', limitedQuantity: 10 });
    const france = stack.warehouses.france;
    const orders = [];
    for (let i = 0; i < 3; i++) orders.push(await order([{ productId: product.id, quantity: 2 }]));
    expect(orders.map((o) => o.status)).toEqual(['AWAITING_PAYMENT', 'AWAITING_PAYMENT', 'AWAITING_PAYMENT']);
    expect((await stockLevels(product.id)).availableQuantity).toBe(4);

    const firstArrival = await arrive(product.id, france, 3);
    expect(firstArrival.errors).toBeUndefined();
    // 3 units: the first order entirely, one unit of the second; the run still has 4 units open to preorders.
    expect(firstArrival.data!.arrivedAtWarehouse).toEqual({ movedFromPreorders: 3, surplus: 0, product: { availableQuantity: 4 } });
    expect(await reservations(orders[0]!.id)).toEqual([{ warehouse_id: france, quantity: 2, state: 'RESERVED' }]);
    expect(await reservations(orders[1]!.id)).toEqual([
      { warehouse_id: france, quantity: 1, state: 'RESERVED' },
      { warehouse_id: null, quantity: 1, state: 'RESERVED' },
    ]);
    const pool = async () =>
      (await sql<{ capacity: number; reserved: number }>('select capacity, reserved from catalog.preorder_allocation where product_id = ?', [product.id]))[0];
    expect(await pool()).toEqual({ capacity: 7, reserved: 3 });

    const secondArrival = await arrive(product.id, france, 5);
    expect(secondArrival.data!.arrivedAtWarehouse).toMatchObject({ movedFromPreorders: 3, surplus: 2 });
    expect(await pool()).toEqual({ capacity: 4, reserved: 0 });
    expect(await levelIn(product.id, france)).toMatchObject({ onHand: 8, reserved: 6, available: 2 });

    const moved = await sql<{ warehouse_id: string | null; kind: string; quantity: number; order_id: string }>(
      `select warehouse_id, kind, quantity, order_id from catalog.stock_movement where product_id = ? and order_id = ? order by id`,
      [product.id, orders[2]!.id],
    );
    expect(moved.map((m) => [m.warehouse_id, m.kind, m.quantity])).toEqual([
      [null, 'RESERVED', 2],
      [null, 'RELEASED', -2],
      [france, 'RESERVED', 2],
    ]);

    const arrived = await eventually(async () => {
      const events = productTopic.received.filter((e) => e.type === 'catalog.product.arrived' && e.subject === product.id);
      return events.length === 2 && events;
    });
    expect(arrived.map((e) => [e.data.productId, e.data.warehouseId, e.data.warehouseCountry, e.data.quantity])).toEqual([
      [product.id, france, 'FR', 3], // the country counts the business days of deadlines that start at the arrival
      [product.id, france, 'FR', 5],
    ]);
    expect(Date.parse(arrived[0]!.data.arrivedAt)).not.toBeNaN();

    // A cancelled preorder now gives its units back to the warehouse they were moved to.
    expect((await cancel(orders[1]!.id)).errors).toBeUndefined();
    await eventually(async () => (await levelIn(product.id, france))?.reserved === 4);
    expect(await pool()).toEqual({ capacity: 4, reserved: 0 });
    expect(await reconciliation(product.id)).toEqual([]);
  });

  it('a campaign cannot cut its limited run below what is already preordered (changePreorderTerms)', async () => {
    const product = await createProduct(stack, 0, 1000, { status: 'ANNOUNCED' });
    const opened = await staff(
      graphql(`
        mutation LedgerOpenRun($id: ID!) {
          openPreorderCampaign(productId: $id, input: { limitedQuantity: 10 }) {
            state
            limitedQuantity
          }
        }
      `),
      { id: product.id },
    );
    expect(opened.errors).toBeUndefined();
    expect(opened.data!.openPreorderCampaign).toEqual({ state: 'OPEN', limitedQuantity: 10 });
    const cutTo = (limitedQuantity: number | null) =>
      staff(
        graphql(`
          mutation LedgerCutRun($id: ID!, $q: Int) {
            changePreorderTerms(productId: $id, input: { limitedQuantity: $q }, reason: "The factory changed the run.") {
              state
              limitedQuantity
            }
          }
        `),
        { id: product.id, q: limitedQuantity },
      );
    // Orders learns the product is on preorder through events.
    await eventually(async () => (await order([{ productId: product.id, quantity: 3 }])).status === 'AWAITING_PAYMENT', { timeoutMs: 20_000 });
    expect((await stockLevels(product.id)).availableQuantity).toBe(7);

    const refused = await cutTo(2);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'PREORDER_LIMIT_BELOW_RESERVED' });
    expect((await stockLevels(product.id)).availableQuantity).toBe(7);

    expect((await cutTo(4)).data!.changePreorderTerms).toEqual({ state: 'OPEN', limitedQuantity: 4 });
    expect((await stockLevels(product.id)).availableQuantity).toBe(1);
    expect((await order([{ productId: product.id, quantity: 2 }])).statusReason).toBe('INSUFFICIENT_STOCK');
    expect((await cutTo(null)).data!.changePreorderTerms).toEqual({ state: 'OPEN', limitedQuantity: null });
    expect((await order([{ productId: product.id, quantity: 2 }])).status).toBe('AWAITING_PAYMENT');
    expect(await reconciliation(product.id)).toEqual([]);
  });
});
