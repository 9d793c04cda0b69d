import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestedLine } from '../domain/draft-order.js';
import { checkout } from './checkout.js';
import type { OrderRead } from './read-orders.js';

export interface PlaceOrderCommand {
  customerId: string;
  lines: RequestedLine[];
  idempotencyKey: string;
}

/**
 * The first ordering API, kept for clients that use it: one order, no
 * address or shipping method yet (shipping is quoted when packed), the
 * campaign's default plan. A cart that would make several orders is refused;
 * `checkout` splits it.
 */
export async function placeOrder(em: EntityManager, command: PlaceOrderCommand): Promise<OrderRead> {
  const [order] = await checkout(em, { ...command, shippingAddress: null, shippingMethod: null, paymentChoice: null, paymentMethodId: null, mixed: 'refuse' });
  return order!;
}
