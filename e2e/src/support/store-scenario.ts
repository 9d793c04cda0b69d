import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';
import { shippingRatesPublishedV1 } from '@vitrine/contracts';
import type { PresetName } from '@vitrine/policy';
import { eventually } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import { publishAs } from './publish-as.js';
import { count, rows } from './sql.js';
import { graph, startTestStack, type TestStack } from './stack.js';

// What every store scenario (a preset from checkout to the end of the
// order's life, orders and payments real) starts from and reads money with.

/** Where every scenario's customer lives: France, the region of the rate card below. */
export const parisAddress = { name: 'Ada Lovelace', line1: '1 rue de la Paix', city: 'Paris', postalCode: '75002', country: 'FR' };

/** Logistics' rate card in every scenario: STANDARD to France, 1,500 for the first item and 500 for each other. */
export const franceShipping = { firstItem: 1_500, additionalItem: 500 };

/**
 * The whole platform with orders under `preset` (the configured preset
 * published as version 1 at start), both orders' and payments' durable timers
 * polled often (the scenarios move the store's clock), and logistics' rate
 * card known to orders.
 */
export async function startStoreStack(
  label: string,
  preset: PresetName = 'deposit-store',
  notifications: Record<string, string> = {},
  /** Settings of other services (e.g. after-sales' evidence store, payments' return origins). */
  others: Partial<Record<'accounts' | 'aftersales' | 'catalog' | 'logistics' | 'payments', Record<string, string>>> = {},
): Promise<TestStack> {
  const stack = await startTestStack({
    label,
    env: {
      ...others,
      orders: { STORE_POLICY_PRESET: preset, TIMER_POLL_MS: '200' },
      payments: { TIMER_POLL_MS: '200', ...others.payments },
      ...(Object.keys(notifications).length ? { notifications } : {}),
    },
  });
  await publishAs(stack, 'logistics', shippingRatesPublishedV1, 'rates-1', {
    version: 1,
    currency: 'USD',
    methods: [{ code: 'STANDARD', label: 'Standard', zones: [{ countries: ['FR'], ...franceShipping }] }],
    publishedAt: new Date().toISOString(),
  });
  await eventually(async () => (await count(stack, 'select count(*) as n from orders.shipping_rate_card')) >= 1);
  return stack;
}

/** Polls `read` until what it returns holds (effects travel through the bus). */
export const until = <T>(read: () => Promise<T | null | undefined>, holds: (value: T) => boolean) =>
  eventually(async () => {
    const value = await read();
    return value != null && holds(value) ? value : null;
  });

const clockQuery = graphql(`
  query StoreScenarioClock {
    sandboxClock {
      now
    }
  }
`);
const advanceClockMutation = graphql(`
  mutation StoreScenarioAdvanceClock($hours: Int!) {
    advanceSandboxClock(hours: $hours) {
      now
    }
  }
`);
const productStatusMutation = graphql(`
  mutation StoreScenarioProductStatus($id: ID!, $status: ProductStatus!) {
    changeProductStatus(productId: $id, status: $status, reason: "The factory shipped the run.") {
      status
    }
  }
`);
const reconciliationQuery = graphql(`
  query StoreScenarioReconciliation {
    ledgerReconciliation {
      balanced
      processingIntents
      discrepancies {
        kind
        details
      }
    }
  }
`);

/** The store's (sandbox) clock. */
export const storeNow = async (stack: TestStack) => new Date((await graph(stack, clockQuery, {}, stack.admin)).data!.sandboxClock.now);

/** Staff move the store's clock `hours` ahead; returns the store's new now. */
export async function advanceClock(stack: TestStack, hours: number): Promise<Date> {
  const moved = await graph(stack, advanceClockMutation, { hours }, stack.admin);
  expect(moved.errors).toBeUndefined();
  return new Date(moved.data!.advanceSandboxClock.now);
}

/** Staff close the product's preorders and release it (catalog's ProductReleased reaches orders after). */
export async function releaseProduct(stack: TestStack, productId: string): Promise<void> {
  for (const status of ['PREORDER_CLOSED', 'RELEASED'] as const) {
    const moved = await graph(stack, productStatusMutation, { id: productId, status }, stack.admin);
    expect(moved.errors, status).toBeUndefined();
  }
}

/** Payments' reconciliation of its ledger against the provider, as staff see it. */
export async function reconciliation(stack: TestStack) {
  return (await graph(stack, reconciliationQuery, {}, stack.admin)).data!.ledgerReconciliation;
}

/**
 * The order's money as payments' ledger holds it: each account's balance on
 * its normal side (the provider clearing account, an asset, on the debit
 * side; liabilities and income on the credit side), accounts at zero left out.
 */
export async function ledgerOf(stack: TestStack, orderId: string): Promise<Record<string, number>> {
  const balances = await rows<{ account: string; n: string }>(
    stack,
    `select account, sum(amount) as n from payments.ledger_posting where order_id = ? group by account having sum(amount) <> 0`,
    [orderId],
  );
  return Object.fromEntries(balances.map((r) => [r.account, r.account === 'PROVIDER_CLEARING' ? Number(r.n) : -Number(r.n)]));
}

/** What the store holds or earned for the order: the ledger without the provider's side. */
export async function heldFor(stack: TestStack, orderId: string): Promise<Record<string, number>> {
  const { PROVIDER_CLEARING: _provider, ...held } = await ledgerOf(stack, orderId);
  return held;
}

/** Waits until payments' ledger for the order holds `expected` (postings follow orders' events), then asserts it. */
export async function ledgerSettles(stack: TestStack, orderId: string, expected: Record<string, number>): Promise<void> {
  await eventually(async () => isDeepStrictEqual(await ledgerOf(stack, orderId), expected)).catch(() => undefined);
  expect(await ledgerOf(stack, orderId)).toEqual(expected);
}
