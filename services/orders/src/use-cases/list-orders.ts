import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { BadUserInput, decodeCursor, encodeCursor, isUuid, pageSize, requireUuid } from '@vitrine/platform';
import type { OrderStatus } from '../domain/order-status.js';
import { Order } from '../store/order.entity.js';

export interface OrderFilter {
  customerId?: string | null;
  statuses?: readonly OrderStatus[] | null;
  productId?: string | null;
  placedFrom?: Date | null;
  placedBefore?: Date | null;
}

export interface OrderPage {
  orders: Order[];
  cursors: string[];
  hasNextPage: boolean;
  countTotal: () => Promise<number>;
}

type Position = { at: string; id: string };
const isPosition = (v: unknown): v is Position =>
  typeof v === 'object' && v !== null && typeof (v as Position).at === 'string' && isUuid((v as Position).id) && !Number.isNaN(Date.parse((v as Position).at));

/** Orders newest first, keyset-paged (placedAt, id), filtered as asked. */
export async function listOrders(em: EntityManager, filter: OrderFilter, first: number | null, after: string | null): Promise<OrderPage> {
  const size = pageSize(first, { max: 100 });
  const where: FilterQuery<Order> = {};
  if (filter.customerId) where.customerId = requireUuid(filter.customerId, 'filter.customerId', 'customer');
  if (filter.statuses?.length) where.status = { $in: [...filter.statuses] };
  if (filter.productId) {
    if (!isUuid(filter.productId))
      throw new BadUserInput('Not a product id.', [{ field: 'filter.productId', reason: 'MALFORMED_ID', message: 'Not a valid id.' }]);
    where.lines = { productId: filter.productId.toLowerCase() };
  }
  if (filter.placedFrom || filter.placedBefore) {
    where.placedAt = { ...(filter.placedFrom && { $gte: filter.placedFrom }), ...(filter.placedBefore && { $lt: filter.placedBefore }) };
  }
  const page: FilterQuery<Order> = { ...where };
  if (after) {
    const position = decodeCursor(after, isPosition);
    const at = new Date(position.at);
    page.$or = [{ placedAt: { $lt: at } }, { placedAt: at, id: { $lt: position.id } }];
  }
  const rows = await em.find(Order, page, { populate: ['lines', 'dues'], orderBy: { placedAt: 'desc', id: 'desc' }, limit: size + 1 });
  const orders = rows.slice(0, size);
  return {
    orders,
    cursors: orders.map((o) => encodeCursor({ at: o.placedAt.toISOString(), id: o.id })),
    hasNextPage: rows.length > size,
    countTotal: () => em.count(Order, where),
  };
}
