import { randomUUID } from 'node:crypto';
import { request, type Answer } from './client.js';
import type { Customer, Product, Shop } from './shop.js';

export interface StreamOptions {
  checkouts: number;
  /** Shoppers at once, each going through its purchases one after the other. */
  concurrency: number;
  /** A request with no answer within this is given up (and retried). */
  requestTimeoutMs: number;
  /** A step (checkout, or paying) retried for at most this long before the shopper gives up. */
  retryForMs: number;
  /** One unit in every checkout; without it, every checkout is one unit of `scarce` alone (drop day). */
  ample?: Product;
  /** Runs out during the stream: the orders that find none left are rejected whole. */
  scarce: Product;
  /** Of the checkouts with an `ample` unit, those that also take a `scarce` one. */
  scarceShare: number;
  /**
   * Shoppers paying with the sandbox's slow card: the payment stays PROCESSING for a while, then succeeds by
   * webhook (two provider events for one payment, so a late earlier event can arrive after a later one).
   */
  slowCardShare?: number;
  /**
   * Past `checkouts`, shoppers keep starting purchases until this settles (at most `atMost` in all): a stream that
   * must still be running when something else has happened (replicas back in their groups), however fast it goes.
   */
  shopUntil?: { settled: Promise<unknown>; atMost: number };
}

/** How a purchase ended, as its shopper saw it. */
export type Ending = 'paid' | 'rejected' | 'refused at checkout' | 'gave up at checkout' | 'gave up paying';

export interface Purchase {
  customerId: string;
  /** The order the checkout acknowledged (absent when it never did). */
  orderId?: string;
  ending: Ending;
  /** Requests the purchase took (checkout, pay and status reads, retries included). */
  requests: number;
}

export interface StreamResult {
  startedAt: Date;
  seconds: number;
  purchases: Purchase[];
  /** Every answer by class, per operation (`checkout`, `pay`, `order`). */
  answers: Record<string, Record<string, number>>;
  /** The slowest answer (ms), to show no request hung past the client's timeout. */
  slowestMs: number;
}

const checkoutMutation = `mutation($input: CheckoutInput!, $key: String!) { checkout(input: $input, idempotencyKey: $key) { id } }`;
const payMutation = `mutation($input: PayInput!, $key: String!) { pay(input: $input, idempotencyKey: $key) { id status } }`;
const orderQuery = `query($id: ID!) { order(id: $id) { status } }`;
const address = { name: 'Fault Customer', line1: '1 rue de la Paix', city: 'Paris', postalCode: '75002', country: 'FR' };

/** Answers that say no to this request for good: retrying the same request would get the same no. */
const refusals = new Set(['BAD_USER_INPUT', 'POLICY_VIOLATION', 'FORBIDDEN', 'UNAUTHENTICATED', 'CONFLICT']);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const backoff = (attempt: number) => Math.min(3_000, 250 * 2 ** attempt) * (0.5 + Math.random() / 2);

/**
 * A stream of purchases through the gateway, as storefronts send them: a
 * checkout (one in-stock order, sometimes with a unit of the scarce figure)
 * then paying it with the sandbox's test card. A failed request is retried
 * with the same idempotency key, so a retry never buys twice; payments'
 * coded "not charged, try again" answers get a new key, as its README asks.
 */
export async function runStream(shop: Shop, options: StreamOptions): Promise<StreamResult> {
  const answers: Record<string, Record<string, number>> = {};
  let slowestMs = 0;
  const send = async <T>(op: string, query: string, variables: Record<string, unknown>, customer: Customer): Promise<Answer<T>> => {
    const started = performance.now();
    const answer = await request<T>(shop.gatewayUrl, query, variables, customer.token, options.requestTimeoutMs);
    slowestMs = Math.max(slowestMs, performance.now() - started);
    const tally = (answers[op] ??= {});
    tally[answer.label] = (tally[answer.label] ?? 0) + 1;
    return answer;
  };

  const purchase = async (customer: Customer): Promise<Purchase> => {
    let requests = 0;
    const lines = options.ample ? [{ productId: options.ample.id, quantity: 1 }] : [];
    if (!options.ample || Math.random() < options.scarceShare) lines.push({ productId: options.scarce.id, quantity: 1 });
    const checkoutInput = { input: { lines, shippingAddress: address, shippingMethod: 'STANDARD' }, key: randomUUID() };
    let orderId: string | undefined;
    for (let attempt = 0, since = performance.now(); !orderId; attempt++) {
      if (performance.now() - since > options.retryForMs) return { customerId: customer.id, ending: 'gave up at checkout', requests };
      if (attempt > 0) await sleep(backoff(attempt));
      requests++;
      const answer = await send<{ checkout: { id: string }[] }>('checkout', checkoutMutation, checkoutInput, customer);
      if (answer.data) orderId = answer.data.checkout[0]!.id;
      else if (answer.code && refusals.has(answer.code)) return { customerId: customer.id, ending: 'refused at checkout', requests };
    }

    const statusOf = async () => {
      requests++;
      return (await send<{ order: { status: string } | null }>('order', orderQuery, { id: orderId }, customer)).data?.order?.status;
    };
    const card = Math.random() < (options.slowCardShare ?? 0) ? 'sandbox_processing' : 'sandbox_visa';
    let key = randomUUID();
    for (let attempt = 0, since = performance.now(); ; attempt++) {
      if (performance.now() - since > options.retryForMs) return { customerId: customer.id, orderId, ending: 'gave up paying', requests };
      if (attempt > 0) await sleep(backoff(attempt));
      requests++;
      const answer = await send<{ pay: { status: string } }>(
        'pay',
        payMutation,
        { input: { orderIds: [orderId], paymentMethod: { token: card } }, key },
        customer,
      );
      const status = answer.data?.pay.status;
      if (status === 'SUCCEEDED' || answer.rule === 'ALREADY_PAID') return { customerId: customer.id, orderId, ending: 'paid', requests };
      // Nothing to pay (yet): the due is on its way, or the order was rejected and never will have one.
      if (answer.code === 'NOT_FOUND' || answer.rule === 'ORDER_NOT_PAYABLE') {
        if ((await statusOf()) === 'REJECTED') return { customerId: customer.id, orderId, ending: 'rejected', requests };
        continue;
      }
      // Answered and kept under this key (not charged, a payment still running, declined): a new attempt needs a new key.
      if (answer.data || answer.code === 'SERVICE_UNAVAILABLE' || answer.rule === 'PAYMENT_IN_PROGRESS') key = randomUUID();
    }
  };

  const startedAt = new Date();
  const started = performance.now();
  const purchases: Purchase[] = [];
  let next = 0;
  let untilSettled = !options.shopUntil;
  const settle = () => void (untilSettled = true);
  options.shopUntil?.settled.then(settle, settle);
  const more = () => next < options.checkouts || (!untilSettled && next < options.shopUntil!.atMost);
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (more()) {
        const customer = shop.customers[next++ % shop.customers.length]!;
        purchases.push(await purchase(customer));
      }
    }),
  );
  return { startedAt, seconds: (performance.now() - started) / 1000, purchases, answers, slowestMs };
}
