import type { EntityManager } from '@mikro-orm/postgresql';
import type { SetUseCase } from '@vitrine/platform';
import { closingOrderStatuses, nextOrderStatus, placedOrderStatus } from '../domain/open-orders.js';
import { KnownOrder } from '../store/known-order.entity.js';

/** What one of orders' events says about an order: placed for a customer (OrderPlaced), or moved on (OrderStatusChanged). */
export type OrderNews = { orderId: string; placedBy: string | null } | { orderId: string; to: string };

/**
 * Keeps accounts' projection of orders. OrderPlaced: the order is open and
 * belongs to this customer (events from before they named the customer are
 * skipped). OrderStatusChanged: keeps the last status, a closed order
 * staying closed; the order is remembered even if its OrderPlaced is late.
 * A batch's orders are read in one select and written by the flush that
 * follows (one insert and one update for the lot, where a read and a write
 * per event used to be): every order gets several events, so this projection
 * costs each order a little more than two statements otherwise.
 */
export const followOrders: SetUseCase<OrderNews, Map<string, KnownOrder>> = {
  async load(news, em) {
    const ids = [...new Set(news.map((n) => n.orderId))];
    const found = await em.find(KnownOrder, { orderId: { $in: ids } });
    return new Map(found.map((o) => [o.orderId, o]));
  },
  async apply(news, known, em) {
    const order = known.get(news.orderId);
    if ('placedBy' in news) {
      if (!news.placedBy) return;
      if (order) order.customerId = news.placedBy;
      else remember(em, known, { orderId: news.orderId, customerId: news.placedBy, status: placedOrderStatus });
      return;
    }
    if (order) order.status = nextOrderStatus(order.status, news.to);
    else remember(em, known, { orderId: news.orderId, customerId: null, status: news.to });
  },
};

function remember(em: EntityManager, known: Map<string, KnownOrder>, order: { orderId: string; customerId: string | null; status: string }): void {
  const created = em.create(KnownOrder, order);
  em.persist(created);
  // A later event of the batch for this order finds it here, as it would have found it in the table.
  known.set(order.orderId, created);
}

/**
 * Orders of this customer not yet in a closing status, as far as accounts
 * has heard: an order placed a moment ago may not be counted yet.
 */
export function countOpenOrders(em: EntityManager, customerId: string): Promise<number> {
  return em.count(KnownOrder, { customerId, status: { $nin: [...closingOrderStatuses] } });
}
