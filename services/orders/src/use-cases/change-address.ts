import type { EntityManager } from '@mikro-orm/postgresql';
import { shippingAddressChangedV1, shippingAddressSchema } from '@vitrine/contracts';
import { BadUserInput, PolicyViolation, storeNow, type Caller } from '@vitrine/platform';
import { addressChangeAllowed, ruleTexts } from '@vitrine/policy';
import { policyFacts } from '../domain/policy-facts.js';
import { orders } from '../identity.js';
import type { Order } from '../store/order.entity.js';
import { lockOrderFor } from './load-order.js';
import { policyVersion } from './store-policies.js';

/**
 * The customer changes where an order ships, while its policy allows it
 * (003: until the shipping date confirmation is sent), within their region.
 * Quantity and payment method never change once placed (003).
 */
export async function changeShippingAddress(em: EntityManager, caller: Caller, orderId: string, input: unknown): Promise<Order> {
  const parsed = shippingAddressSchema.safeParse(input);
  if (!parsed.success) {
    throw new BadUserInput(
      'Please check the address.',
      parsed.error.issues.map((issue) => ({ field: ['address', ...issue.path].join('.'), reason: 'INVALID', message: 'Please fill this in correctly.' })),
    );
  }
  return em.transactional(async (tx) => {
    const order = await lockOrderFor(tx, caller, orderId);
    if (order.outcome) throw new PolicyViolation(`This order is ${order.status.toLowerCase().replaceAll('_', ' ')}.`, 'ORDER_ENDED');
    const policy = await policyVersion(tx, order.policyVersion);
    const decision = addressChangeAllowed(policy, policyFacts(order, order.dues.getItems()), storeNow());
    if (!decision.allowed) throw new PolicyViolation(decision.rule.text, decision.rule.id, { ruleTexts: ruleTexts(policy, decision.rule) });
    if (order.customerCountry && parsed.data.country !== order.customerCountry) {
      throw new BadUserInput('Orders ship to your region only.', [
        { field: 'address.country', reason: 'OUTSIDE_REGION', message: `Orders ship to your account's region (${order.customerCountry}) only.` },
      ]);
    }
    order.shippingAddress = parsed.data;
    // Logistics may have opened the shipment already (ready to fulfil): it follows the address until the parcel is packed.
    orders.recordEvent(tx, {
      definition: shippingAddressChangedV1,
      subject: order.id,
      data: { orderId: order.id, customerId: order.customerId, shippingAddress: parsed.data, changedAt: storeNow().toISOString() },
    });
    return order;
  });
}
