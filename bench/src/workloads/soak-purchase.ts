import { randomUUID } from 'node:crypto';
import type { BenchConfig } from '../config.js';
import { bearer, classifyResponse } from '../graphql.js';
import type { BenchCustomer } from '../seed.js';
import type { SoakPurchase } from '../soak-samples.js';
import type { BenchStack } from '../stack.js';
import { sleep } from '../util.js';
import { checkoutMutation, payMutation, shippingAddress } from './payments.js';
import type { AcknowledgedOrder } from './place-orders.js';

const orderQuery = `query SoakOrder($id: ID!) { order(id: $id) { status nextPayment { purpose status } } }`;
/** How often a shopper looks at an order while catalog has not decided on its unit yet (as on drop day). */
const orderPollMs = 500;
/** pay answers NOT_FOUND while payments has not heard of the due yet; tries per purchase. */
const payAttempts = 3;

export interface Shopper {
  /** One customer's purchase of one unit of `productId`, times relative to `origin` (performance.now()). */
  purchase(customer: BenchCustomer, origin: number): Promise<SoakPurchase>;
  acknowledged: AcknowledgedOrder[];
  /** Over every request sent: no answer within the request timeout, or no answer at all. */
  counts: { requests: number; timeouts: number; socketErrors: number };
}

/**
 * The purchase drop day makes, on a product with no end of stock: `checkout`
 * (one preorder line, the store's deposit plan), `order(id)` every 500 ms
 * while it is PENDING, then `pay` for the deposit with the sandbox card
 * (again, same key, while payments answers NOT_FOUND because the PaymentDue
 * has not reached it yet). Every request through the gateway with the
 * customer's token and a fresh idempotency key.
 */
export function createShopper(config: BenchConfig, stack: BenchStack, productId: string): Shopper {
  const acknowledged: AcknowledgedOrder[] = [];
  const counts = { requests: 0, timeouts: 0, socketErrors: 0 };
  const post = async (query: string, variables: Record<string, unknown>, customer: BenchCustomer) => {
    counts.requests++;
    try {
      const res = await fetch(stack.urls.gateway, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(customer.token) },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(config.requestTimeoutSeconds * 1000),
      });
      return { status: res.status, text: await res.text() };
    } catch (err) {
      if ((err as Error).name === 'TimeoutError') counts.timeouts++;
      else counts.socketErrors++;
      return undefined;
    }
  };

  const purchase = async (customer: BenchCustomer, origin: number): Promise<SoakPurchase> => {
    const started = performance.now();
    const over = (outcome: string, extra: Partial<SoakPurchase> = {}): SoakPurchase => ({
      startedAt: started - origin,
      endedAt: performance.now() - origin,
      outcome,
      ...extra,
    });
    const lines = [{ productId, quantity: 1 }];
    const checkout = await post(checkoutMutation, { input: { lines, shippingAddress, shippingMethod: 'STANDARD' }, key: randomUUID() }, customer);
    const answered = performance.now();
    if (!checkout) return over('checkout: no answer');
    const checkoutMs = answered - started;
    let orderId: string | undefined;
    const checkoutLabel = classifyResponse(checkout.status, checkout.text, (data) => {
      const orders = (data as { checkout?: { id: string; paymentPlan: string }[] } | null)?.checkout;
      if (orders?.length !== 1) return false;
      if (orders[0]!.paymentPlan !== 'DEPOSIT') return `PLAN_${orders[0]!.paymentPlan}`;
      orderId = orders[0]!.id;
      return true;
    });
    if (!orderId) return over(`checkout: ${checkoutLabel}`, { checkoutMs });
    acknowledged.push({ id: orderId, customerId: customer.id });

    let order: { status: string; nextPayment: { purpose: string; status: string } | null } | undefined;
    for (let reads = 0; (!order || order.status === 'PENDING') && performance.now() - answered < config.settleTimeoutSeconds * 1000; reads++) {
      if (reads > 0) await sleep(orderPollMs);
      const answer = await post(orderQuery, { id: orderId }, customer);
      if (answer) classifyResponse(answer.status, answer.text, (data) => Boolean((order = (data as { order?: typeof order } | null)?.order)));
    }
    if (order?.status !== 'AWAITING_PAYMENT' || order.nextPayment?.purpose !== 'DEPOSIT') {
      return over(`order ${order?.status ?? 'unknown'}, no deposit due`, { checkoutMs });
    }

    const variables = { input: { orderIds: [orderId], paymentMethod: { token: 'sandbox_visa' } }, key: randomUUID() };
    let payLabel = 'NOT_FOUND';
    for (let attempt = 1; payLabel.startsWith('NOT_FOUND') && attempt <= payAttempts; attempt++) {
      const paid = await post(payMutation, variables, customer);
      if (!paid) return over('pay: no answer', { checkoutMs });
      payLabel = classifyResponse(
        paid.status,
        paid.text,
        (data) => (data as { pay?: { status?: string } } | null)?.pay?.status === 'SUCCEEDED' || 'NOT_SUCCEEDED',
      );
    }
    if (payLabel !== 'ok') return over(`pay: ${payLabel}`, { checkoutMs });
    return over('ok', { checkoutMs, purchaseMs: performance.now() - started });
  };

  return { purchase, acknowledged, counts };
}
