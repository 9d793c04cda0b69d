import type { EntityManager } from '@mikro-orm/postgresql';
import { KnownOrder } from '../store/known-order.entity.js';

/**
 * The known orders one consumer transaction reads and writes: a batch of
 * events loads all it names in one select (`load`), and an order the batch
 * creates is found by the events after it before anything is flushed.
 */
export class KnownOrders {
  private readonly byId = new Map<string, KnownOrder | null>();

  constructor(private readonly em: EntityManager) {}

  /** Reads these orders in one select; the ones not found are remembered as unknown (no second look). */
  async load(orderIds: Iterable<string>): Promise<void> {
    const ids = [...new Set(orderIds)].filter((id) => !this.byId.has(id));
    if (ids.length === 0) return;
    for (const id of ids) this.byId.set(id, null);
    for (const order of await this.em.find(KnownOrder, { orderId: { $in: ids } })) this.byId.set(order.orderId, order);
  }

  async get(orderId: string): Promise<KnownOrder | null> {
    if (!this.byId.has(orderId)) await this.load([orderId]);
    return this.byId.get(orderId) ?? null;
  }

  /** A new known order, written with the transaction's flush. */
  add(order: Pick<KnownOrder, 'orderId' | 'customerId' | 'status' | 'productIds'> & { shipmentId?: string | null }): KnownOrder {
    const known = this.em.create(KnownOrder, order);
    this.em.persist(known);
    this.byId.set(order.orderId, known);
    return known;
  }
}
