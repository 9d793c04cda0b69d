import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { findIntentsOfOrders, findOrderMoney, findRefundsOfOrders, type OrderMoney } from '../use-cases/batch-reads.js';
import type { PaymentIntentView, RefundView } from '../use-cases/views.js';

export type { OrderMoney };

/** Orders' money, batched per request (use-cases/batch-reads). */
export function createOrderMoneyLoader(em: EntityManager): DataLoader<string, OrderMoney | null> {
  return new DataLoader(async (keys) => {
    const byId = new Map((await findOrderMoney(em, keys)).map((money) => [money.orderId, money]));
    return keys.map((k) => byId.get(k.toLowerCase()) ?? null);
  });
}

export function createIntentsByOrderLoader(em: EntityManager): DataLoader<string, PaymentIntentView[]> {
  return new DataLoader(async (keys) => {
    const views = await findIntentsOfOrders(em, keys);
    return keys.map((k) => views.filter((v) => v.allocations.some((a) => a.orderId === k.toLowerCase())));
  });
}

export function createRefundsByOrderLoader(em: EntityManager): DataLoader<string, RefundView[]> {
  return new DataLoader(async (keys) => {
    const refunds = await findRefundsOfOrders(em, keys);
    return keys.map((k) => refunds.filter((r) => r.orderId === k.toLowerCase()));
  });
}
