import type { EntityManager } from '@mikro-orm/postgresql';
import {
  shippedOrderStatus,
  type EventData,
  type EventEnvelope,
  type orderCancelledV1,
  type orderExpiredV1,
  type orderStatusChangedV1,
  type paymentDueV1,
} from '@vitrine/contracts';
import { OutboxMessage, rowsOf, writeRows, type OutboxRow, type SetUseCase } from '@vitrine/platform';
import { runtimeOf } from '../config/payments-runtime.js';
import { payments } from '../identity.js';
import { PaymentDue } from '../store/payment-due.entity.js';
import { schemaOf, type Row } from '../store/sql.js';
import { onOrderCancelled, onOrderExpired, onOrderStatusChanged, payLinkIssued, recordDue } from './order-events.js';

/** orders' events payments acts on (orders.order.v1), as the set takes them. */
export type OrderMoneyEvent =
  | { kind: 'due'; event: EventEnvelope<EventData<typeof paymentDueV1>> }
  | { kind: 'status'; event: EventEnvelope<EventData<typeof orderStatusChangedV1>> }
  | { kind: 'cancelled'; event: EventEnvelope<EventData<typeof orderCancelledV1>> }
  | { kind: 'expired'; event: EventEnvelope<EventData<typeof orderExpiredV1>> };

/** An order as payments knows it (known_order), as the batch has left it so far. */
interface KnownOrderState {
  customerId: string;
  currency: string;
  status: string | null;
  closed: boolean;
  /** Changed by the batch: written with the rest. */
  touched: boolean;
}

/** A batch's orders as read (locked), and what its plain items will write once every event is applied. */
interface OrderMoney {
  orderIds: string[];
  dueIds: string[];
  orders: Map<string, KnownOrderState>;
  /** Dues payments already has (an announcement of one of them is a re-announcement). */
  knownDues: Set<string>;
  dues: Record<string, unknown>[];
  events: OutboxRow[];
}

/**
 * orders' events as one set, so that a backlog (a drop's orders, their dues
 * and status moves) costs a few statements per batch instead of a few per
 * event: the batch's orders locked and read once (in id order, the order
 * every money path locks them in), the plain items applied on what was read,
 * in delivery order (a status for an order payments has not heard of yet
 * changes nothing, as alone), and their orders, dues and pay-now links
 * written together at the end. What moves money or opens a charge (a due on
 * a stored card, a due announced again, a cancellation, an expiry, a
 * shipment) goes the one-event way (`order-events.ts`) on the rows as the
 * batch left them, and the batch reads its orders again after.
 */
export const takeOrderMoneyEvents: SetUseCase<OrderMoneyEvent, OrderMoney> = {
  async load(items, em) {
    const orderIds = [...new Set(items.map((i) => i.event.data.orderId))];
    const dueIds = [...new Set(items.flatMap((i) => (i.kind === 'due' ? [i.event.data.dueId] : [])))];
    return { orderIds, dueIds, ...(await readBatch(em, orderIds, dueIds)), dues: [], events: [] };
  },

  async apply(item, batch, em) {
    if (item.kind === 'status') {
      if (item.event.data.to === shippedOrderStatus) return oneByOne(em, batch, () => onOrderStatusChanged(em, item.event));
      const order = batch.orders.get(item.event.data.orderId);
      // Payments never heard of money for it: nothing to keep, as alone.
      if (order) Object.assign(order, { status: item.event.data.to.slice(0, 32), touched: true });
      return;
    }
    if (item.kind === 'cancelled') return oneByOne(em, batch, () => onOrderCancelled(em, item.event));
    if (item.kind === 'expired') return oneByOne(em, batch, () => onOrderExpired(em, item.event));

    const due = item.event.data;
    if (batch.knownDues.has(due.dueId) || due.collect !== 'CUSTOMER') return oneByOne(em, batch, () => recordDue(em, item.event));
    let order = batch.orders.get(due.orderId);
    if (!order) {
      order = { customerId: due.customerId, currency: due.amount.currency, status: null, closed: false, touched: true };
      batch.orders.set(due.orderId, order);
    }
    order.touched = true;
    batch.knownDues.add(due.dueId);
    batch.dues.push({
      id: due.dueId,
      orderId: due.orderId,
      customerId: due.customerId,
      purpose: due.purpose,
      goods: due.goods.amount,
      shipping: due.shipping.amount,
      amount: due.amount.amount,
      currency: due.amount.currency,
      dueAt: due.dueAt ? new Date(due.dueAt) : null,
      collect: due.collect,
      paymentMethodId: due.paymentMethodId,
      state: order.closed ? 'VOID' : 'OPEN',
      createdAt: new Date(),
      closedAt: order.closed ? new Date() : null,
    });
    if (!order.closed && due.amount.amount > 0) batch.events.push(payments.outboxRow(payLinkIssued(runtimeOf(em), due)));
  },

  save: (batch, em) => writeBatch(em, batch),
};

/** The one-event path for an item, on the rows as the batch left them; then the batch reads its orders again. */
async function oneByOne(em: EntityManager, batch: OrderMoney, run: () => Promise<void>): Promise<void> {
  await writeBatch(em, batch);
  await run();
  Object.assign(batch, await readBatch(em, batch.orderIds, batch.dueIds));
}

async function readBatch(em: EntityManager, orderIds: readonly string[], dueIds: readonly string[]): Promise<Pick<OrderMoney, 'orders' | 'knownDues'>> {
  const s = schemaOf(em);
  const rows = await em.execute<Row[]>(`select id, customer_id, currency, status, closed_at from ${s}.known_order where id in (?) order by id for update`, [
    orderIds,
  ]);
  const orders = new Map<string, KnownOrderState>(
    rows.map((r) => [r.id, { customerId: r.customer_id, currency: r.currency, status: r.status, closed: r.closed_at != null, touched: false }]),
  );
  const known = dueIds.length > 0 ? await em.execute<Row[]>(`select id from ${s}.payment_due where id in (?)`, [dueIds]) : [];
  return { orders, knownDues: new Set(known.map((r) => r.id as string)) };
}

/**
 * What the plain items decided so far: the orders they touched (created, or their status moved: rememberOrder's
 * upsert, for them all in one statement), then their dues and pay-now links in one more. Emptied after.
 */
async function writeBatch(em: EntityManager, batch: OrderMoney): Promise<void> {
  const touched = [...batch.orders].filter(([, o]) => o.touched);
  const { dues, events } = batch;
  batch.dues = [];
  batch.events = [];
  for (const [, order] of touched) order.touched = false;
  if (touched.length > 0) {
    await em.execute(
      `insert into ${schemaOf(em)}.known_order (id, customer_id, currency, status, closed_at, updated_at)
       select id, customer_id, currency, status, null, now() from jsonb_to_recordset(?::jsonb) as v(id uuid, customer_id uuid, currency text, status text)
       on conflict (id) do update set status = coalesce(excluded.status, known_order.status), updated_at = now()`,
      [JSON.stringify(touched.map(([id, o]) => ({ id, customer_id: o.customerId, currency: o.currency, status: o.status })))],
    );
  }
  await writeRows(em, [rowsOf(PaymentDue, dues), rowsOf(OutboxMessage, events)]);
}
