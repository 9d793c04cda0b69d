import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxRelay, type EventBus, type OutgoingMessage } from '@vitrine/platform';
import { eventually } from '@vitrine/testing';
import { count } from './support/sql.js';
import { createProduct, placeOrder, startTestStack, stockOf, type TestStack } from './support/stack.js';

// orders runs without its relay: the test plays the relay's part, including its crashes.
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ label: 'outbox', env: { orders: { OUTBOX_RELAY: 'off' } } });
});
afterAll(async () => {
  await stack?.stop();
});

/** The real Kafka bus, with a hook to observe or sabotage each publish. */
function busWith(hook: (messages: OutgoingMessage[], publish: () => Promise<void>) => Promise<void>): EventBus {
  const real = stack.orders.bus;
  return {
    transport: real.transport,
    ensureTopics: (t) => real.ensureTopics(t),
    publish: (messages) => hook(messages, () => real.publish(messages)),
    subscribe: (o) => real.subscribe(o),
    ping: () => real.ping(),
    close: async () => undefined,
  };
}

const relayOn = (bus: EventBus, batchSize = 200) =>
  new OutboxRelay({ orm: stack.orders.orm, bus, schema: 'orders', logger: stack.orders.logger, topicPrefix: stack.topicPrefix, batchSize });

async function placeOrders(productId: string, n: number): Promise<string[]> {
  const results = await Promise.all(Array.from({ length: n }, () => placeOrder(stack, stack.customer, [{ productId, quantity: 1 }])));
  return results.map((r) => r.data!.placeOrder.id);
}

const unsent = () => count(stack, 'select count(*) as n from orders.outbox_message where sent_at is null');
/** OrderPlaced rows waiting: what the orders these tests place add to the outbox before catalog answers. */
const unsentPlaced = () => count(stack, `select count(*) as n from orders.outbox_message where sent_at is null and type = 'orders.order.placed'`);

describe('transactional outbox', () => {
  it('a relay killed between publishing and marking rows sent loses nothing and duplicates no effect', async () => {
    const product = await createProduct(stack, 100);
    const ids = await placeOrders(product.id, 20);
    expect(await unsentPlaced()).toBe(20);

    // The relay dies after Kafka acknowledged a batch but before the rows were stamped.
    const doomed = relayOn(
      busWith(async (_m, publish) => {
        await publish();
        throw new Error('relay process killed');
      }),
      7,
    );
    await expect(doomed.publishBatch()).rejects.toThrow('relay process killed');
    expect(await unsentPlaced()).toBe(20);

    // A new relay starts and sends everything, the first 7 a second time.
    const relay = relayOn(stack.orders.bus);
    relay.start();
    try {
      await eventually(
        async () => (await count(stack, `select count(*) as n from orders.customer_order where status = 'AWAITING_PAYMENT' and id in (?)`, [ids])) === 20,
      );
      await eventually(async () => (await unsent()) === 0);
    } finally {
      await relay.stop();
    }
    expect(await stockOf(stack, product.id)).toBe(80);
    expect(await count(stack, 'select count(*) as n from catalog.stock_reservation where product_id = ?', [product.id])).toBe(20);
    expect(await count(stack, `select count(*) as n from catalog.inbox_processed_event where type = 'orders.order.placed'`)).toBe(20);
  });

  it('while Kafka is unreachable rows wait, and are published once it is back', async () => {
    const product = await createProduct(stack, 10);
    const ids = await placeOrders(product.id, 3);
    let kafkaDown = true;
    let refused = 0;
    const relay = relayOn(
      busWith(async (_m, publish) => {
        if (kafkaDown) {
          refused += 1;
          throw new Error('broker unreachable');
        }
        await publish();
      }),
    );
    relay.start();
    try {
      // Two publishes refused: the relay has tried, backed off and tried again, and the rows are still there.
      await eventually(() => refused >= 2, { intervalMs: 20 });
      expect(await unsentPlaced()).toBe(3);
      kafkaDown = false;
      relay.wake();
      await eventually(
        async () => (await count(stack, `select count(*) as n from orders.customer_order where status = 'AWAITING_PAYMENT' and id in (?)`, [ids])) === 3,
      );
    } finally {
      await relay.stop();
    }
    expect(await stockOf(stack, product.id)).toBe(7);
  });

  it('two relays side by side (two replicas) publish one at a time, in outbox order, never the same row', async () => {
    const product = await createProduct(stack, 100);
    await placeOrders(product.id, 60);
    const pending = await stack.orders.orm.em
      .fork()
      .getConnection()
      .execute<{ event_id: string }[]>(`select event_id from orders.outbox_message where sent_at is null and type = 'orders.order.placed'`);
    expect(pending).toHaveLength(60);
    const published: string[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    const publishers = new Set<string>();
    const recording = (relay: string) =>
      busWith(async (messages, publish) => {
        mostInFlight = Math.max(mostInFlight, ++inFlight);
        publishers.add(relay);
        try {
          await new Promise((r) => setTimeout(r, 20)); // keep the batch open a while, as a slow broker would
          await publish();
          published.push(...messages.map((m) => JSON.parse(m.value).id as string));
        } finally {
          inFlight -= 1;
        }
      });
    const ids = pending.map((p) => p.event_id);
    const left = () => count(stack, 'select count(*) as n from orders.outbox_message where sent_at is null and event_id in (?)', [ids]);
    // Each replica keeps trying until the rows are out; a round that finds the other one publishing sends nothing.
    const drain = async (relay: OutboxRelay) => {
      while ((await left()) > 0) if ((await relay.publishBatch()) === 0) await new Promise((r) => setTimeout(r, 5));
    };
    await Promise.all([drain(relayOn(recording('a'), 5)), drain(relayOn(recording('b'), 5))]);
    // Other events (status changes) may join the outbox while the relays run; none may be sent twice.
    expect(new Set(published).size).toBe(published.length);
    expect(mostInFlight, 'batches published at the same time').toBe(1);
    const seqs = await stack.orders.orm.em
      .fork()
      .getConnection()
      .execute<{ event_id: string; seq: string }[]>('select event_id, seq from orders.outbox_message where event_id in (?)', [published]);
    const seqOf = new Map(seqs.map((r) => [r.event_id, Number(r.seq)]));
    const order = published.map((id) => seqOf.get(id)!);
    expect(order, 'published in outbox order across both relays').toEqual([...order].sort((x, y) => x - y));
    console.log(`[outbox] two relays: ${published.length} events in ${publishers.size === 2 ? 'turns of both' : 'turns of one'}, never two batches at once`);
    expect(published).toEqual(expect.arrayContaining(pending.map((p) => p.event_id)));
    // Only these rows: status changes keep arriving from the consumer while the relays run.
    expect(
      await count(stack, 'select count(*) as n from orders.outbox_message where sent_at is null and event_id in (?)', [pending.map((p) => p.event_id)]),
    ).toBe(0);
  });
});
