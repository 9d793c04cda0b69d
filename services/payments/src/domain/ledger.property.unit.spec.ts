import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BadUserInput, Conflict, DomainError, PolicyViolation } from '@vitrine/platform/domain';
import type { OrderFundAccount } from './ledger-accounts.js';
import { chargeCaptured, feeKept, orderShipped, refundDecided, refundPaidOut } from './ledger-movements.js';
import { imbalances, type FeeReason, type JournalTransaction, type RecordedTransaction, type RefundReason } from './ledger.js';
import { money } from './money.js';
import { orderPosition, orderPositions } from './order-position.js';
import { paymentPurposes, type PaymentPurpose } from './payment-purpose.js';
import { reconcile, type ProviderCharge, type ProviderRefund } from './reconciliation.js';

/*
 * Random sequences of charges (single and bulk), partial refunds (some over
 * the limit, some not positive), fees, forfeits, shipments and refund
 * payouts (some not matching a pending refund) over four orders in two
 * currencies. After every step: every transaction balances per currency,
 * the ledger reconciles with a simulated provider, no order's
 * paid - refunded or account goes negative, refusals happen exactly when
 * the model says so, and every order's figures equal a simple independent
 * model. fast-check prints the seed and path of a
 * failure; FC_SEED=<seed> FC_PATH=<path> replays it.
 */

const orders = [
  { orderId: 'order-1', currency: 'USD' },
  { orderId: 'order-2', currency: 'USD' },
  { orderId: 'order-3', currency: 'EUR' },
  { orderId: 'order-4', currency: 'EUR' },
] as const;

/**
 * How big a refund or fee is, decided when it runs so that limits are hit
 * often: a share of what the order can still refund or of what the reason
 * may draw on, give or take one minor unit, or any amount (zero and
 * negative included).
 */
type Size = { of: 'refundable' | 'available'; ratio: number; delta: number } | { of: 'absolute'; amount: number };
const size = (of: readonly ('refundable' | 'available')[]): fc.Arbitrary<Size> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.record({ of: fc.constantFrom(...of), ratio: fc.constantFrom(0.25, 0.5, 1), delta: fc.constantFrom(-1, 0, 1) }) },
    { weight: 1, arbitrary: fc.record({ of: fc.constant('absolute' as const), amount: fc.integer({ min: -50, max: 150000 }) }) },
  );
const sized = (s: Size, refundable: number, available: number) =>
  s.of === 'absolute' ? s.amount : Math.floor(s.ratio * (s.of === 'refundable' ? refundable : available)) + s.delta;

type Command =
  | { kind: 'charge'; order: number; purpose: PaymentPurpose; product: number; shipping: number }
  | { kind: 'bulk'; currency: 'USD' | 'EUR'; parts: { product: number; shipping: number }[] }
  | { kind: 'refund'; order: number; reason: RefundReason; size: Size }
  | { kind: 'fee'; order: number; reason: FeeReason; size: Size }
  | { kind: 'ship'; order: number }
  | { kind: 'payout'; order: number; pick: number; over: boolean };

const order = fc.integer({ min: 0, max: orders.length - 1 });
const amounts = fc
  .record({ product: fc.integer({ min: 0, max: 60000 }), shipping: fc.integer({ min: 0, max: 5000 }) })
  .map((a) => (a.product + a.shipping === 0 ? { ...a, product: 1 } : a));
const charge: fc.Arbitrary<Command> = fc
  .record({ order, purpose: fc.constantFrom(...paymentPurposes), amounts })
  .map(({ order, purpose, amounts: a }) =>
    purpose === 'EXTRA_SHIPPING'
      ? { kind: 'charge', order, purpose, product: 0, shipping: a.shipping || 1 }
      : { kind: 'charge', order, purpose, product: a.product, shipping: a.shipping },
  );
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: charge },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('bulk' as const), currency: fc.constantFrom('USD' as const, 'EUR' as const), parts: fc.tuple(amounts, amounts) }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('refund' as const),
      order,
      reason: fc.constantFrom<RefundReason>('CANCELLATION', 'RETURN', 'SHIPPING_EXCESS', 'COMPENSATION', 'STAFF'),
      size: size(['refundable', 'available']),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('fee' as const),
      order,
      reason: fc.constantFrom<FeeReason>('DEPOSIT_FORFEITED', 'DOWN_PAYMENT_FORFEITED', 'CANCELLATION_FEE', 'RESTOCKING_FEE'),
      size: size(['available']),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('ship' as const), order }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('payout' as const),
      order,
      pick: fc.nat(),
      over: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    }),
  },
);

// The model: the rules restated as plainly as possible, independent of the code under test.
const sources: Record<RefundReason | FeeReason, OrderFundAccount[]> = {
  CANCELLATION: ['DEFERRED_REVENUE', 'CUSTOMER_DEPOSITS_HELD', 'SHIPPING_COLLECTED'],
  RETURN: ['REVENUE', 'SHIPPING_REVENUE'],
  SHIPPING_EXCESS: ['SHIPPING_COLLECTED', 'SHIPPING_REVENUE'],
  COMPENSATION: ['REVENUE'],
  STAFF: ['DEFERRED_REVENUE', 'CUSTOMER_DEPOSITS_HELD', 'SHIPPING_COLLECTED', 'REVENUE', 'SHIPPING_REVENUE', 'FEES_EARNED'],
  DEPOSIT_FORFEITED: ['CUSTOMER_DEPOSITS_HELD'],
  DOWN_PAYMENT_FORFEITED: ['CUSTOMER_DEPOSITS_HELD'],
  CANCELLATION_FEE: ['CUSTOMER_DEPOSITS_HELD', 'DEFERRED_REVENUE'],
  RESTOCKING_FEE: ['CUSTOMER_DEPOSITS_HELD', 'DEFERRED_REVENUE', 'REVENUE'],
};
interface ModelOrder {
  paid: number;
  refunded: number;
  refundedOut: number;
  balances: Record<OrderFundAccount, number>;
  charges: { chargeId: string; captured: number; refunded: number; refundedOut: number; pending: { refundId: string; amount: number }[] }[];
}
const newModelOrder = (): ModelOrder => ({
  paid: 0,
  refunded: 0,
  refundedOut: 0,
  balances: { CUSTOMER_DEPOSITS_HELD: 0, DEFERRED_REVENUE: 0, SHIPPING_COLLECTED: 0, REVENUE: 0, SHIPPING_REVENUE: 0, FEES_EARNED: 0 },
  charges: [],
});
const takeFrom = (m: ModelOrder, accounts: OrderFundAccount[], amount: number) => {
  for (const account of accounts) {
    const take = Math.min(amount, m.balances[account]);
    m.balances[account] -= take;
    amount -= take;
  }
};

type Expected = 'ok' | 'BAD_USER_INPUT' | 'REFUND_EXCEEDS_PAID' | 'REFUND_EXCEEDS_AVAILABLE' | 'FEE_EXCEEDS_HELD' | 'REFUND_NOT_PENDING';

function outcome(run: () => JournalTransaction | null): { tx: JournalTransaction | null; got: Expected } {
  try {
    return { tx: run(), got: 'ok' };
  } catch (error) {
    if (error instanceof BadUserInput) return { tx: null, got: 'BAD_USER_INPUT' };
    if (error instanceof PolicyViolation || error instanceof Conflict) return { tx: null, got: (error as DomainError).details.rule as Expected };
    throw error;
  }
}

function runScenario(commands: Command[]): void {
  const ledger: RecordedTransaction[] = [];
  const provider: { charges: ProviderCharge[]; refunds: ProviderRefund[] } = { charges: [], refunds: [] };
  const model = orders.map(newModelOrder);
  const position = (i: number) => orderPosition(orders[i]!.orderId, orders[i]!.currency, ledger);
  const record = (tx: JournalTransaction | null) => tx && ledger.push({ ...tx, id: `tx${ledger.length + 1}`, sequence: ledger.length + 1 });

  commands.forEach((c, step) => {
    let expected: Expected = 'ok';
    let result: { tx: JournalTransaction | null; got: Expected };
    if (c.kind === 'charge' || c.kind === 'bulk') {
      const chargeId = `ch${step}`;
      const members =
        c.kind === 'charge'
          ? [{ i: c.order, product: c.product, shipping: c.shipping }]
          : orders.flatMap((o, i) => (o.currency === c.currency ? [i] : [])).map((i, n) => ({ i, ...c.parts[n]! }));
      const purpose = c.kind === 'charge' ? c.purpose : 'BALANCE';
      const currency = orders[members[0]!.i]!.currency;
      const parts = members.map((p) => ({ orderId: orders[p.i]!.orderId, product: p.product, shipping: p.shipping }));
      result = outcome(() => chargeCaptured({ chargeId, purpose, currency, parts }));
      provider.charges.push({ chargeId, currency, amount: members.reduce((n, p) => n + p.product + p.shipping, 0) });
      for (const p of members) {
        const m = model[p.i]!;
        m.paid += p.product + p.shipping;
        m.balances[purpose === 'DEPOSIT' || purpose === 'DOWN_PAYMENT' ? 'CUSTOMER_DEPOSITS_HELD' : 'DEFERRED_REVENUE'] += p.product;
        m.balances.SHIPPING_COLLECTED += p.shipping;
        m.charges.push({ chargeId, captured: p.product + p.shipping, refunded: 0, refundedOut: 0, pending: [] });
      }
    } else if (c.kind === 'refund') {
      const m = model[c.order]!;
      const refundId = `rf${step}`;
      const available = sources[c.reason].reduce((n, a) => n + m.balances[a], 0);
      const amount = sized(c.size, m.paid - m.refunded, available);
      if (amount <= 0) expected = 'BAD_USER_INPUT';
      else if (amount > m.paid - m.refunded) expected = 'REFUND_EXCEEDS_PAID';
      else if (amount > available) expected = 'REFUND_EXCEEDS_AVAILABLE';
      result = outcome(() => refundDecided({ refundId, reason: c.reason, amount: money(amount, orders[c.order]!.currency) }, position(c.order)));
      if (expected === 'ok') {
        m.refunded += amount;
        takeFrom(m, sources[c.reason], amount);
        let rest = amount;
        for (const charge of [...m.charges].reverse()) {
          const take = Math.min(rest, charge.captured - charge.refunded);
          if (take <= 0) continue;
          charge.refunded += take;
          charge.pending.push({ refundId, amount: take });
          rest -= take;
        }
      }
    } else if (c.kind === 'fee') {
      const m = model[c.order]!;
      const available = sources[c.reason].reduce((n, a) => n + m.balances[a], 0);
      const amount = sized(c.size, m.paid - m.refunded, available);
      if (amount <= 0) expected = 'BAD_USER_INPUT';
      else if (amount > available) expected = 'FEE_EXCEEDS_HELD';
      result = outcome(() => feeKept({ reason: c.reason, amount: money(amount, orders[c.order]!.currency) }, position(c.order)));
      if (expected === 'ok') {
        takeFrom(m, sources[c.reason], amount);
        m.balances.FEES_EARNED += amount;
      }
    } else if (c.kind === 'ship') {
      const m = model[c.order]!;
      result = outcome(() => orderShipped(position(c.order)));
      const product = m.balances.CUSTOMER_DEPOSITS_HELD + m.balances.DEFERRED_REVENUE;
      expect(result.tx === null).toBe(product + m.balances.SHIPPING_COLLECTED === 0);
      m.balances.REVENUE += product;
      m.balances.SHIPPING_REVENUE += m.balances.SHIPPING_COLLECTED;
      m.balances.CUSTOMER_DEPOSITS_HELD = m.balances.DEFERRED_REVENUE = m.balances.SHIPPING_COLLECTED = 0;
    } else {
      // Pays out one refund piece waiting anywhere (the order of the command when none waits).
      const waiting = model.flatMap((m, i) => m.charges.flatMap((charge) => charge.pending.filter((p) => p.amount > 0).map((p) => ({ i, m, charge, p }))));
      const chosen = waiting.length > 0 ? waiting[c.pick % waiting.length]! : undefined;
      const i = chosen?.i ?? c.order;
      const chargeId = chosen?.charge.chargeId ?? model[i]!.charges[0]?.chargeId ?? 'ch-none';
      const amount = chosen ? (c.over ? chosen.charge.refunded - chosen.charge.refundedOut + 1 : chosen.p.amount) : 1;
      if (!chosen || c.over) expected = 'REFUND_NOT_PENDING';
      const payout = { refundId: chosen?.p.refundId ?? 'rf-none', chargeId, providerRefundId: `re${step}`, amount: money(amount, orders[i]!.currency) };
      result = outcome(() => refundPaidOut(payout, position(i)));
      if (expected === 'ok' && chosen) {
        chosen.charge.refundedOut += amount;
        chosen.p.amount = 0;
        chosen.m.refundedOut += amount;
        provider.refunds.push({ providerRefundId: payout.providerRefundId, chargeId, currency: orders[i]!.currency, amount });
      }
    }

    expect({ step, command: c, outcome: result.got }).toEqual({ step, command: c, outcome: expected });
    record(result.tx);

    // The ledger only grows: the new transaction balancing means they all do (reconcile checks them all again).
    if (result.tx) expect(imbalances(result.tx)).toEqual([]);
    expect(reconcile(ledger, provider)).toEqual([]);
    const positions = orderPositions(ledger);
    expect(positions.filter((p) => p.paid - p.refunded < 0 || Object.values(p.balances).some((b) => b < 0))).toEqual([]);
    const ledgerView = orders.map((o) => {
      const p = positions.find((x) => x.orderId === o.orderId) ?? orderPosition(o.orderId, o.currency, []);
      const charges = p.charges.map((ch) => [ch.chargeId, ch.captured, ch.refunded, ch.refundedOut]);
      return {
        order: o.orderId,
        currency: p.currency,
        paid: p.paid,
        refunded: p.refunded,
        refundedOut: p.refundedOut,
        balances: p.balances,
        held: p.held,
        charges,
      };
    });
    const modelView = orders.map((o, i) => {
      const m = model[i]!;
      const held = m.balances.CUSTOMER_DEPOSITS_HELD + m.balances.DEFERRED_REVENUE + m.balances.SHIPPING_COLLECTED;
      const charges = m.charges.map((ch) => [ch.chargeId, ch.captured, ch.refunded, ch.refundedOut]);
      return { order: o.orderId, currency: o.currency, paid: m.paid, refunded: m.refunded, refundedOut: m.refundedOut, balances: m.balances, held, charges };
    });
    expect(ledgerView).toEqual(modelView);
  });
}

describe('ledger property', () => {
  it('after every step of any sequence, the ledger balances, reconciles, never goes negative and agrees with the model', () => {
    // FC_SEED (and FC_PATH, both printed by fast-check on a failure) replay a failing run.
    const replay =
      process.env.FC_SEED === undefined ? {} : { seed: Number(process.env.FC_SEED), ...(process.env.FC_PATH ? { path: process.env.FC_PATH } : {}) };
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 60, size: '+1' }), (commands) => runScenario(commands)),
      { numRuns: 200, ...replay },
    );
  });
});
