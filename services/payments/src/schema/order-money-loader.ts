import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '@vitrine/platform';
import { orderPositions } from '../domain/order-position.js';
import { orderTransactions } from '../store/ledger-book.js';
import { schemaOf } from '../store/sql.js';
import { intentView, refundView, type PaymentIntentView, type RefundView } from '../use-cases/views.js';

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

type Row = Record<string, any>;

/** Orders' money, batched: their rows, their ledger postings and their open dues in three queries. */
export function createOrderMoneyLoader(em: EntityManager): DataLoader<string, OrderMoney | null> {
  return new DataLoader(async (keys) => {
    const ids = [...new Set(keys.filter(isUuid).map((k) => k.toLowerCase()))];
    if (ids.length === 0) return keys.map(() => null);
    const s = schemaOf(em);
    const orders = await em.execute<Row[]>(`select * from ${s}.known_order where id in (?)`, [ids]);
    const positions = orderPositions(await orderTransactions(em, ids));
    const dues = await em.execute<Row[]>(
      `select id, order_id, amount, collect from ${s}.payment_due where order_id in (?) and state = 'OPEN' order by created_at, id`,
      [ids],
    );
    const byId = new Map(
      orders.map((o) => {
        const position = positions.find((p) => p.orderId === o.id && p.currency === o.currency);
        const open = dues.filter((d) => d.order_id === o.id);
        const money: OrderMoney = {
          orderId: o.id,
          customerId: o.customer_id,
          currency: o.currency,
          paid: position?.paid ?? 0,
          refunded: position?.refunded ?? 0,
          openCustomerDues: open.filter((d) => d.collect === 'CUSTOMER').map((d) => ({ id: d.id, amount: Number(d.amount) })),
          due: open.reduce((n, d) => n + Number(d.amount), 0),
        };
        return [o.id as string, money] as const;
      }),
    );
    return keys.map((k) => byId.get(k.toLowerCase()) ?? null);
  });
}

export function createIntentsByOrderLoader(em: EntityManager): DataLoader<string, PaymentIntentView[]> {
  return new DataLoader(async (keys) => {
    const ids = [...new Set(keys.filter(isUuid).map((k) => k.toLowerCase()))];
    if (ids.length === 0) return keys.map(() => []);
    const s = schemaOf(em);
    const allocations = await em.execute<Row[]>(
      `select * from ${s}.payment_allocation where intent_id in (select intent_id from ${s}.payment_allocation where order_id in (?))`,
      [ids],
    );
    const intentIds = [...new Set(allocations.map((a) => a.intent_id as string))];
    const intents = intentIds.length
      ? await em.execute<Row[]>(`select * from ${s}.payment_intent where id in (?) order by created_at desc, id`, [intentIds])
      : [];
    const views = intents.map((i) =>
      intentView(
        i,
        allocations.filter((a) => a.intent_id === i.id),
      ),
    );
    return keys.map((k) => views.filter((v) => v.allocations.some((a) => a.orderId === k.toLowerCase())));
  });
}

export function createRefundsByOrderLoader(em: EntityManager): DataLoader<string, RefundView[]> {
  return new DataLoader(async (keys) => {
    const ids = [...new Set(keys.filter(isUuid).map((k) => k.toLowerCase()))];
    if (ids.length === 0) return keys.map(() => []);
    const rows = await em.execute<Row[]>(`select * from ${schemaOf(em)}.refund where order_id in (?) order by created_at desc, id`, [ids]);
    return keys.map((k) => rows.filter((r) => r.order_id === k.toLowerCase()).map(refundView));
  });
}
