import { canAccessOwnedBy } from '@vitrine/platform';
import type { OrdersContext } from './orders-context.js';
import { OrderType } from './order.type.js';

/**
 * Resolves `Order` entities for other subgraphs (payments' money on an
 * order...), batched per request, with the same rule as `order(id)`: the
 * owner or staff with orders:manage; anyone else gets null, as for a missing order.
 */
export async function resolveOrderReference(reference: { id: string }, context: OrdersContext): Promise<OrderType | null> {
  const read = await context.orderById.load(reference.id);
  if (!read || !canAccessOwnedBy(context.caller, read.order.customerId, 'orders:manage')) return null;
  return OrderType.of(read);
}
