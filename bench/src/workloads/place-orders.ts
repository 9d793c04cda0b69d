import { randomUUID } from 'node:crypto';
import type { BenchConfig } from '../config.js';
import { bearer, classifyResponse } from '../graphql.js';
import { runLoad, summarize, type LoadResult, type RequestContext } from '../load.js';
import { placeOrderMutation, type Seed } from '../seed.js';
import type { Sampler } from '../resources.js';
import type { BenchStack } from '../stack.js';
import { increment } from '../util.js';

export interface PlaceOrdersResult {
  result: LoadResult;
  /** Orders the API acknowledged, with the customer whose token placed each: each must exist afterwards, owned by them. */
  acknowledged: AcknowledgedOrder[];
  /** Customers whose tokens were used (round-robin, one per request). */
  customers: number;
  /** Status in the acknowledgement (reservation is asynchronous, so PENDING is expected). */
  acknowledgedStatus: Record<string, number>;
  mix: { plainLines: string; scarceLines: string; scarceShare: number };
}

export interface AcknowledgedOrder {
  id: string;
  customerId: string;
}

/**
 * Labels a placeOrder answer for the tallies, recording each acknowledged
 * order with the customer whose token placed it, and its status.
 */
export function tallyPlacedOrders(acknowledged: AcknowledgedOrder[], acknowledgedStatus: Record<string, number>) {
  return (status: number, text: string, context: RequestContext) =>
    classifyResponse(status, text, (data) => {
      const order = (data as { placeOrder?: { id?: string; status?: string } } | null)?.placeOrder;
      if (!order?.id) return false;
      acknowledged.push({ id: order.id, customerId: String(context.customerId) });
      increment(acknowledgedStatus, order.status ?? '?');
      return true;
    });
}

/**
 * Orders through the gateway, each with a fresh idempotency key and the next
 * customer's token (round-robin over every seeded customer). Most buy one
 * unit of a product with ample stock; a share also asks for 1-3 units of the
 * scarce product, which runs out mid-run: those orders must be rejected as a
 * whole (all or nothing), leaving the ample product's stock untouched.
 */
export async function runPlaceOrders(config: BenchConfig, stack: BenchStack, seed: Seed, sample: Sampler): Promise<PlaceOrdersResult> {
  const acknowledged: AcknowledgedOrder[] = [];
  const acknowledgedStatus: Record<string, number> = {};
  const { customers } = seed;
  let next = 0;
  const request = (context: RequestContext) => {
    const customer = customers[next++ % customers.length]!;
    context.customerId = customer.id;
    const lines =
      Math.random() < config.scarceShare
        ? [
            { productId: seed.scarce.id, quantity: 1 + Math.floor(Math.random() * 3) },
            { productId: seed.plenty.id, quantity: 1 },
          ]
        : [{ productId: seed.plenty.id, quantity: 1 }];
    return { body: JSON.stringify({ query: placeOrderMutation, variables: { input: { lines }, key: randomUUID() } }), headers: bearer(customer.token) };
  };
  const classify = tallyPlacedOrders(acknowledged, acknowledgedStatus);

  stack.assertAlive();
  const result = await runLoad({
    url: stack.urls.gateway,
    connections: config.orderConnections,
    durationSeconds: config.orderSeconds,
    requestTimeoutSeconds: config.requestTimeoutSeconds,
    sample,
    request,
    classify,
  });
  stack.assertAlive();
  console.log(`[bench] placeOrder via gateway: ${summarize(result)}`);
  return {
    result,
    acknowledged,
    customers: customers.length,
    acknowledgedStatus,
    mix: {
      plainLines: '1 x ample-stock product',
      scarceLines: `1-3 x scarce product (stock ${seed.scarce.initialStock}) + 1 x ample-stock product`,
      scarceShare: config.scarceShare,
    },
  };
}
