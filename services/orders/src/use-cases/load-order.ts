import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { canAccessOwnedBy, NotFound, type Caller } from '@vitrine/platform';
import { Order, type OrderFields } from '../store/order.entity.js';
import { OrderDue, type OrderDueFields } from '../store/order-due.entity.js';
import { OrderLine, type OrderLineFields } from '../store/order-line.entity.js';

/**
 * The order, locked for the caller's transaction, if `caller` may act on it
 * (its customer, or staff with orders:manage). Someone else's order is
 * reported exactly like a missing one: existence is not leaked.
 */
export async function lockOrderFor(em: EntityManager, caller: Caller, orderId: string): Promise<Order> {
  const order = await em.findOne(Order, orderId, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['lines', 'dues'] });
  if (!order || !canAccessOwnedBy(caller, order.customerId, 'orders:manage')) throw new NotFound('Order', orderId);
  return order;
}

/** The order (with its lines and dues) in the unit of work, if `caller` may act on it; not locked. */
export async function findOrderFor(em: EntityManager, caller: Caller, orderId: string): Promise<Order> {
  const order = await em.findOne(Order, orderId, { populate: ['lines', 'dues'] });
  if (!order || !canAccessOwnedBy(caller, order.customerId, 'orders:manage')) throw new NotFound('Order', orderId);
  return order;
}

/** An order as read to render it: its own columns, its lines and its dues, as plain data (no entity, nothing tracked). */
export interface OrderRead {
  order: OrderFields;
  lines: OrderLineFields[];
  dues: OrderDueFields[];
}

/**
 * The order to render for `caller` (the order query), in one statement: its lines and dues come aggregated as JSON
 * beside its row, and each part goes through MikroORM's mapper of its entity (column names to properties, dates
 * parsed) without becoming an entity. Building, hydrating and merging the joined entity graph was half of orders'
 * CPU per order(id) in the bench. Someone else's order is reported exactly like a missing one.
 */
export async function readOrderFor(em: EntityManager, caller: Caller, orderId: string): Promise<OrderRead> {
  const rows = await em.getConnection().execute<Record<string, unknown>[]>(
    `select o.*,
            coalesce((select json_agg(l order by l.position) from "orders".order_line l where l.order_id = o.id), '[]') as lines_read,
            coalesce((select json_agg(d order by d.created_at) from "orders".order_due d where d.order_id = o.id), '[]') as dues_read
       from "orders".customer_order o
      where o.id = ?`,
    [orderId],
  );
  const row = rows[0];
  if (!row) throw new NotFound('Order', orderId);
  const { lines_read: lines, dues_read: dues, ...columns } = row;
  const metadata = em.getMetadata();
  const driver = em.getDriver();
  const order = driver.mapResult(columns, metadata.get(Order)) as unknown as OrderFields;
  if (!canAccessOwnedBy(caller, order.customerId, 'orders:manage')) throw new NotFound('Order', orderId);
  return {
    order,
    lines: (lines as Record<string, unknown>[]).map((line) => driver.mapResult(line, metadata.get(OrderLine)) as unknown as OrderLineFields),
    dues: (dues as Record<string, unknown>[]).map((due) => driver.mapResult(due, metadata.get(OrderDue)) as unknown as OrderDueFields),
  };
}
