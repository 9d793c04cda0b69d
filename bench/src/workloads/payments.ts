import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { BenchConfig } from '../config.js';
import { bearer, classifyResponse, gqlData } from '../graphql.js';
import { runLoad, summarize, type LoadResult } from '../load.js';
import type { Sampler } from '../resources.js';
import { signIn, type Seed } from '../seed.js';
import type { BenchStack } from '../stack.js';

export interface PaymentsRun {
  result: LoadResult;
  /** Dues injected for the run (each paid at most once). */
  dues: number;
  amount: { amount: number; currency: string };
}

export interface LedgerSummary {
  balanced: boolean;
  transactions: number;
  orders: number;
  processingIntents: number;
  totals: { currency: string; paid: number; refunded: number; refundedOut: number; held: number }[];
  discrepancies: { kind: string; details: string }[];
}

export const payMutation = `mutation Pay($input: PayInput!, $key: String!) {
  pay(input: $input, idempotencyKey: $key) { id status amount { amount currency } }
}`;

const reconciliationQuery = `{ ledgerReconciliation { balanced transactions orders processingIntents
  totals { currency paid { amount } refunded { amount } refundedOut { amount } held { amount } } discrepancies { kind details } } }`;

/**
 * Deposit payments through the gateway, each paying one due with the sandbox
 * provider's `sandbox_visa` token under a fresh idempotency key and its
 * owner's token, after a warm-up. orders does not announce PaymentDue yet, so the dues are
 * injected straight into payments' projection (payment_due, known_order), as
 * its PaymentDue handler would write them; everything after (the amount from
 * the due, the provider call, the ledger, PaymentSucceeded) is the real path.
 */
export async function runPayments(config: BenchConfig, stack: BenchStack, db: pg.Client, seed: Seed, sample: Sampler): Promise<PaymentsRun> {
  const amount = { amount: 2500, currency: 'USD' };
  const dues = Array.from({ length: config.paymentDues }, (_, i) => ({
    orderId: randomUUID(),
    dueId: randomUUID(),
    customer: seed.customers[i % seed.customers.length]!,
  }));
  await db.query(
    `insert into payments.known_order (id, customer_id, currency, status, updated_at)
       select o, c, $3, 'AWAITING_PAYMENT', now() from unnest($1::uuid[], $2::uuid[]) as t(o, c)`,
    [dues.map((d) => d.orderId), dues.map((d) => d.customer.id), amount.currency],
  );
  await db.query(
    `insert into payments.payment_due (id, order_id, customer_id, purpose, goods, shipping, amount, currency, due_at, collect, payment_method_id, state, created_at)
       select d, o, c, 'DEPOSIT', $4, 0, $4, $5, null, 'CUSTOMER', null, 'OPEN', now() from unnest($1::uuid[], $2::uuid[], $3::uuid[]) as t(d, o, c)`,
    [dues.map((d) => d.dueId), dues.map((d) => d.orderId), dues.map((d) => d.customer.id), amount.amount, amount.currency],
  );

  let next = 0;
  const request = () => {
    // Each due once; past the last one the answers are ALREADY_PAID refusals (counted, not ok).
    const due = dues[next++ % dues.length]!;
    return {
      body: JSON.stringify({
        query: payMutation,
        variables: { input: { orderIds: [due.orderId], paymentMethod: { token: 'sandbox_visa' } }, key: randomUUID() },
      }),
      headers: bearer(due.customer.token),
    };
  };
  const classify = (status: number, text: string) =>
    classifyResponse(status, text, (data) => (data as { pay?: { status?: string } } | null)?.pay?.status === 'SUCCEEDED' || 'NOT_SUCCEEDED');

  const spec = { url: stack.urls.gateway, connections: config.paymentConnections, requestTimeoutSeconds: config.requestTimeoutSeconds, request, classify };
  stack.assertAlive();
  // Unmeasured: JIT, pools, the gateway's query plan and both token caches warm up on dues of their own.
  if (config.warmupSeconds > 0) await runLoad({ ...spec, durationSeconds: config.warmupSeconds });
  const result = await runLoad({ ...spec, durationSeconds: config.paymentSeconds, sample });
  stack.assertAlive();
  console.log(`[bench] pay (deposits) via gateway: ${summarize(result)}`);
  return { result, dues: dues.length, amount };
}

/** payments' own proof of its ledger (every transaction balanced, no order negative, equal to the provider's books), asked as the bootstrap admin. */
export async function ledgerReconciliation(stack: BenchStack): Promise<LedgerSummary> {
  const admin = await signIn(stack.urls.gateway, stack.admin.email, stack.admin.password);
  type Money = { amount: number };
  type Answer = {
    ledgerReconciliation: Omit<LedgerSummary, 'totals'> & { totals: { currency: string; paid: Money; refunded: Money; refundedOut: Money; held: Money }[] };
  };
  // Right after a load the gateway may reuse a keep-alive socket the subgraph is closing: ask again rather than fail the run.
  let answer: Answer | undefined;
  for (let attempt = 1; !answer; attempt++) {
    try {
      answer = await gqlData<Answer>(stack.urls.gateway, reconciliationQuery, {}, bearer(admin.accessToken));
    } catch (err) {
      if (attempt >= 3) throw err;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
  const r = answer.ledgerReconciliation;
  return {
    ...r,
    totals: r.totals.map((t) => ({
      currency: t.currency,
      paid: t.paid.amount,
      refunded: t.refunded.amount,
      refundedOut: t.refundedOut.amount,
      held: t.held.amount,
    })),
  };
}
