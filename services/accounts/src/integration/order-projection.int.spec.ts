import { randomUUID } from 'node:crypto';
import { orderPlacedV1, orderStatusChangedV1 } from '@vitrine/contracts';
import { eventually, publishEvents } from '@vitrine/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootAccounts, type AccountsHarness } from './harness.js';

// Orders' events on the real Kafka broker, several orders' at once (a consumer that fell behind gets them in one
// batch, applied as a set): accounts' projection ends as if each event had come alone, whatever order they came in.

let accounts: AccountsHarness;
const sql = <T = any>(query: string, params: unknown[] = []) => accounts.service.orm.em.fork().getConnection().execute<T[]>(query, params);

beforeAll(async () => {
  accounts = await bootAccounts('accounts_order_projection');
});
afterAll(async () => {
  await accounts?.stop();
});

const placed = (orderId: string, customerId?: string) => ({
  source: 'orders',
  definition: orderPlacedV1,
  subject: orderId,
  data: { orderId, lines: [{ productId: randomUUID(), quantity: 1 }], ...(customerId ? { customerId } : {}) },
});
const moved = (orderId: string, from: string, to: string) => ({
  source: 'orders',
  definition: orderStatusChangedV1,
  subject: orderId,
  data: { orderId, from, to },
});
const known = (ids: string[]) =>
  sql<{ order_id: string; customer_id: string | null; status: string }>(
    'select order_id, customer_id, status from accounts.known_order where order_id in (?) order by order_id',
    [ids],
  );
const processed = (eventId: string) => sql('select 1 from accounts.inbox_processed_event where event_id = ?', [eventId]);

describe("accounts' view of orders", () => {
  const customer = randomUUID();
  const [confirmed, shipped, lateStatus, anonymous] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const ids = [confirmed, shipped, lateStatus, anonymous];
  let first: Awaited<ReturnType<typeof publishEvents>>;

  it('follows every order of a batch: placed then moved, closed staying closed, a status before its order, an order naming no customer', async () => {
    first = await publishEvents(accounts.service.bus, accounts.topicPrefix, [
      placed(confirmed, customer),
      placed(shipped, customer),
      moved(lateStatus, 'PENDING', 'SECURED'),
      moved(confirmed, 'PENDING', 'AWAITING_PAYMENT'),
      moved(shipped, 'PENDING', 'SHIPPED'),
      placed(anonymous),
      moved(confirmed, 'AWAITING_PAYMENT', 'SECURED'),
      // Delivered late: a closed order stays closed.
      moved(shipped, 'PENDING', 'SECURED'),
      placed(lateStatus, customer),
    ]);
    await eventually(async () => (await processed(first.at(-1)!.id)).length === 1);

    const expected = [
      { order_id: confirmed, customer_id: customer, status: 'SECURED' },
      { order_id: shipped, customer_id: customer, status: 'SHIPPED' },
      // Its status came first; OrderPlaced then named the customer without taking the status back.
      { order_id: lateStatus, customer_id: customer, status: 'SECURED' },
    ].sort((a, b) => a.order_id.localeCompare(b.order_id));
    expect(await known(ids)).toEqual(expected);
  });

  it('skips an event delivered again; a new one after it still counts', async () => {
    const before = await known(ids);
    // The confirmed order's move to AWAITING_PAYMENT again (applied twice, it would take the order back from SECURED),
    // then a cancellation of another order, new.
    const again = first[3]!;
    expect(again.data).toMatchObject({ orderId: confirmed, to: 'AWAITING_PAYMENT' });
    const [, cancelled] = await publishEvents(accounts.service.bus, accounts.topicPrefix, [
      { ...moved(confirmed, 'PENDING', 'AWAITING_PAYMENT'), id: again.id },
      moved(lateStatus, 'SECURED', 'CANCELLED'),
    ]);
    await eventually(async () => (await processed(cancelled!.id)).length === 1);
    expect(await known(ids)).toEqual(before.map((r) => (r.order_id === lateStatus ? { ...r, status: 'CANCELLED' } : r)));
  });
});
