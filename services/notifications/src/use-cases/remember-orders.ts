import type { EntityManager } from '@mikro-orm/postgresql';
import { closedOrderStatuses } from '@vitrine/contracts';
import type { OpenOrder, OrderKnown } from '../domain/notices-from-events.js';
import { KnownProduct } from '../store/known-product.entity.js';
import type { KnownOrders } from './known-orders.js';
import { tableOf } from './table-name.js';

/** Learns an order's customer and products (placed, then confirmed: whichever comes first creates it). */
export async function rememberOrder(
  orders: KnownOrders,
  order: { orderId: string; customerId?: string; lines: { productId: string }[] },
  status?: string,
): Promise<void> {
  const productIds = [...new Set(order.lines.map((l) => l.productId))].sort();
  const known = await orders.get(order.orderId);
  if (known) {
    known.customerId ??= order.customerId ?? null;
    known.productIds = productIds;
  } else {
    orders.add({ orderId: order.orderId, customerId: order.customerId ?? null, status: status ?? 'PENDING', productIds });
  }
}

/** Follows an order's status; returns whose order it is and its shipment (null when the order is not known yet). */
export async function rememberStatus(orders: KnownOrders, orderId: string, status: string): Promise<OrderKnown | null> {
  const known = await orders.get(orderId);
  if (!known) {
    orders.add({ orderId, customerId: null, status, productIds: [] });
    return null;
  }
  known.status = status;
  return { customerId: known.customerId ?? null, shipmentId: known.shipmentId ?? null };
}

/**
 * Logistics carries these orders in one shipment (opened when they were
 * ready to fulfil, days before they ship). An order not known yet is
 * remembered as ready to fulfil: a shipment is opened for nothing earlier,
 * and its own status changes correct it.
 */
export async function rememberShipment(orders: KnownOrders, shipment: { shipmentId: string; customerId: string; orderIds: readonly string[] }): Promise<void> {
  await orders.load(shipment.orderIds);
  for (const orderId of shipment.orderIds) {
    const order = await orders.get(orderId);
    if (order) {
      order.shipmentId = shipment.shipmentId;
      order.customerId ??= shipment.customerId;
    } else {
      orders.add({ orderId, customerId: shipment.customerId, status: 'READY_TO_FULFIL', productIds: [], shipmentId: shipment.shipmentId });
    }
  }
}

/** Orders of a product still to ship (not ended, not shipped), with a known customer. */
export async function openOrdersOf(em: EntityManager, productId: string): Promise<OpenOrder[]> {
  const rows = await em.execute<{ order_id: string; customer_id: string }[]>(
    `select order_id, customer_id from ${tableOf(em, 'known_order')} where product_ids @> array[?]::text[] and customer_id is not null and status not in (?) order by order_id`,
    [productId, [...closedOrderStatuses]],
  );
  return rows.map((r) => ({ orderId: r.order_id, customerId: r.customer_id }));
}

export async function rememberProductName(em: EntityManager, productId: string, name: string): Promise<void> {
  await em.upsert(KnownProduct, { productId, name });
}

export async function productNames(em: EntityManager, productIds: readonly string[]): Promise<Record<string, string>> {
  if (productIds.length === 0) return {};
  const rows = await em.find(KnownProduct, { productId: { $in: [...productIds] } });
  return Object.fromEntries(rows.map((r) => [r.productId, r.name]));
}
