import { OrderType } from './order.type.js';
import { maySeeMoneyOf, type PaymentsContext } from './payments-context.js';

/**
 * Resolves `Order` for the gateway (orders already checked who may see the
 * order; a subgraph reached directly checks again): the owner or staff with
 * payments:write or orders:manage; anyone else gets null, as for a missing
 * order. An order payments holds no money for is just its id.
 */
export async function resolveOrderReference(reference: { id: string }, context: PaymentsContext): Promise<OrderType | null> {
  const money = await context.orderMoney.load(reference.id);
  if (money && !maySeeMoneyOf(context.caller, money.customerId)) return null;
  return OrderType.of(reference.id);
}
