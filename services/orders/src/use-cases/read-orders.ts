import type { EntityManager } from '@mikro-orm/postgresql';
import { canAccessOwnedBy, isUuid, NotFound, pageSize, type Caller } from '@vitrine/platform';
import { Order, type OrderFields } from '../store/order.entity.js';
import { OrderDue, type OrderDueFields } from '../store/order-due.entity.js';
import { OrderLine, type OrderLineFields } from '../store/order-line.entity.js';
import { orders } from '../identity.js';

const s = orders.dbSchema;

/** An order as read to render it: its own columns, its lines (by position) and its dues (oldest first), as plain data. */
export interface OrderRead {
  order: OrderFields;
  lines: readonly OrderLineFields[];
  dues: readonly OrderDueFields[];
}

/**
 * Orders matching `where` (SQL on `o`, the order row; `?` placeholders), in one statement: each order's lines and
 * dues come aggregated as JSON beside its row, and each part goes through MikroORM's mapper of its entity (column
 * names to properties, dates parsed) without becoming an entity. Building, hydrating and merging the joined entity
 * graph was half of orders' CPU per order(id) in the bench. Only to render: nothing read here is tracked or saved.
 */
async function readOrders(em: EntityManager, where: string, params: unknown[], orderAndLimit = ''): Promise<OrderRead[]> {
  const rows = await em.execute<Record<string, unknown>[]>(
    `select o.*,
            coalesce((select json_agg(l order by l.position) from "${s}".order_line l where l.order_id = o.id), '[]') as lines_read,
            coalesce((select json_agg(d order by d.created_at) from "${s}".order_due d where d.order_id = o.id), '[]') as dues_read
       from "${s}".customer_order o
      where ${where} ${orderAndLimit}`,
    params,
  );
  const metadata = em.getMetadata();
  const driver = em.getDriver();
  const [orderMeta, lineMeta, dueMeta] = [metadata.get(Order), metadata.get(OrderLine), metadata.get(OrderDue)];
  return rows.map(({ lines_read: lines, dues_read: dues, ...columns }) => ({
    order: driver.mapResult(columns, orderMeta) as unknown as OrderFields,
    lines: (lines as Record<string, unknown>[]).map((line) => driver.mapResult(line, lineMeta) as unknown as OrderLineFields),
    dues: (dues as Record<string, unknown>[]).map((due) => driver.mapResult(due, dueMeta) as unknown as OrderDueFields),
  }));
}

/** The order to render for `caller` (the order query). Someone else's order is reported exactly like a missing one. */
export async function readOrderFor(em: EntityManager, caller: Caller, orderId: string): Promise<OrderRead> {
  const [read] = await readOrders(em, 'o.id = ?', [orderId]);
  if (!read || !canAccessOwnedBy(caller, read.order.customerId, 'orders:manage')) throw new NotFound('Order', orderId);
  return read;
}

/** A customer's orders with their lines and dues, newest first; `first` is bounded like every page. */
export function listCustomerOrders(em: EntityManager, customerId: string, first: number): Promise<OrderRead[]> {
  return readOrders(em, 'o.customer_id = ?', [customerId], `order by o.placed_at desc, o.id desc limit ${pageSize(first)}`);
}

/** Orders by id (lines and dues with them) in one query, in the order asked; null for ids that are not orders. */
export async function findOrdersByIds(em: EntityManager, ids: readonly string[]): Promise<(OrderRead | null)[]> {
  const valid = ids.filter(isUuid);
  const reads = valid.length ? await readOrders(em, 'o.id in (?)', [valid]) : [];
  const byId = new Map(reads.map((read) => [read.order.id, read]));
  return ids.map((id) => byId.get(id) ?? null);
}

/**
 * Orders by id, locked for the caller's transaction (in id order, so two such reads never wait on each other
 * crosswise), lines and dues with them; ids that are not orders are left out. For a use case that changes them as
 * plain rows (`writeRows`).
 */
export function lockOrders(em: EntityManager, ids: readonly string[]): Promise<OrderRead[]> {
  return readOrders(em, 'o.id in (?)', [ids], 'order by o.id for update of o');
}

/** The orders one checkout placed (a retry of it is answered with them), lines and dues with them. */
export function readCheckoutOrders(em: EntityManager, checkoutId: string): Promise<OrderRead[]> {
  return readOrders(em, 'o.checkout_id = ?', [checkoutId], 'order by o.kind asc, o.id asc');
}
