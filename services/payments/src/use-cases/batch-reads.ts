import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '@vitrine/platform';
import type { RecordedTransaction } from '../domain/ledger.js';
import { orderPositions } from '../domain/order-position.js';
import { orderTransactions } from '../store/ledger-book.js';
import { schemaOf, type Row } from '../store/sql.js';
import { intentView, refundView, type PaymentIntentView, type RefundView } from './views.js';

// The reads behind the schema's per-request DataLoaders and Order's money fields: one statement per batch of order ids.

export interface OrderMoney {
  orderId: string;
  customerId: string;
  currency: string;
  paid: number;
  refunded: number;
  /** Open dues the customer pays themselves (a pay-now link covers them). */
  openCustomerDues: { id: string; amount: number }[];
  /** Every open due, stored card or not. */
  due: number;
}

/** The order ids payments could know: uuids, lower-cased, once each. */
export function orderIdsOf(keys: readonly string[]): string[] {
  return [...new Set(keys.filter(isUuid).map((k) => k.toLowerCase()))];
}

/** What payments knows of these orders' money: their rows, their ledger postings and their open dues in three queries. */
export async function findOrderMoney(em: EntityManager, orderIds: readonly string[]): Promise<OrderMoney[]> {
  const ids = orderIdsOf(orderIds);
  if (ids.length === 0) return [];
  const s = schemaOf(em);
  const orders = await em.execute<Row[]>(`select * from ${s}.known_order where id in (?)`, [ids]);
  const positions = orderPositions(await orderTransactions(em, ids));
  const dues = await em.execute<Row[]>(
    `select id, order_id, amount, collect from ${s}.payment_due where order_id in (?) and state = 'OPEN' order by created_at, id`,
    [ids],
  );
  return orders.map((o) => {
    const position = positions.find((p) => p.orderId === o.id && p.currency === o.currency);
    const open = dues.filter((d) => d.order_id === o.id);
    return {
      orderId: o.id,
      customerId: o.customer_id,
      currency: o.currency,
      paid: position?.paid ?? 0,
      refunded: position?.refunded ?? 0,
      openCustomerDues: open.filter((d) => d.collect === 'CUSTOMER').map((d) => ({ id: d.id, amount: Number(d.amount) })),
      due: open.reduce((n, d) => n + Number(d.amount), 0),
    };
  });
}

/** Every payment intent that paid for any of these orders (a bulk payment once), newest first. */
export async function findIntentsOfOrders(em: EntityManager, orderIds: readonly string[]): Promise<PaymentIntentView[]> {
  const ids = orderIdsOf(orderIds);
  if (ids.length === 0) return [];
  const s = schemaOf(em);
  const allocations = await em.execute<Row[]>(
    `select * from ${s}.payment_allocation where intent_id in (select intent_id from ${s}.payment_allocation where order_id in (?))`,
    [ids],
  );
  const intentIds = [...new Set(allocations.map((a) => a.intent_id as string))];
  const intents = intentIds.length
    ? await em.execute<Row[]>(`select * from ${s}.payment_intent where id in (?) order by created_at desc, id`, [intentIds])
    : [];
  return intents.map((i) =>
    intentView(
      i,
      allocations.filter((a) => a.intent_id === i.id),
    ),
  );
}

/** These orders' refunds, newest first. */
export async function findRefundsOfOrders(em: EntityManager, orderIds: readonly string[]): Promise<RefundView[]> {
  const ids = orderIdsOf(orderIds);
  if (ids.length === 0) return [];
  const rows = await em.execute<Row[]>(`select * from ${schemaOf(em)}.refund where order_id in (?) order by created_at desc, id`, [ids]);
  return rows.map(refundView);
}

/** The ledger transactions touching this order, in ledger order (its money trail). */
export function findOrderTransactions(em: EntityManager, orderId: string): Promise<RecordedTransaction[]> {
  return isUuid(orderId) ? orderTransactions(em, [orderId.toLowerCase()]) : Promise.resolve([]);
}
