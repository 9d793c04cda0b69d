import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderStatusChangedV1, paymentDueV1, type EventData, type EventEnvelope } from '@vitrine/contracts';
import { DomainError } from '@vitrine/platform';
import { eventually } from '@vitrine/testing';
import { runtimeOf } from '../config/payments-runtime.js';
import { orderPositions } from '../domain/order-position.js';
import { reconcile } from '../domain/reconciliation.js';
import { allTransactions } from '../store/ledger-book.js';
import { closeOrder, onOrderStatusChanged, recordDue } from '../use-cases/order-events.js';
import { pay } from '../use-cases/pay.js';
import { refundPayment } from '../use-cases/refund-payment.js';
import { bootPayments, type PaymentsHarness } from './harness.js';

// The domain's property (ledger.property.unit.spec.ts) replayed against the
// real service: random sequences of payments (single and bulk), staff
// refunds (some above what is left), cancellations with fees and shipments
// run through the use cases on PostgreSQL, with its triggers and CHECKs on.
// After each sequence the ledger balances, no order is negative, and it
// matches what the sandbox provider holds.

let h: PaymentsHarness;
beforeAll(async () => {
  h = await bootPayments('payments_ledger_property');
});
afterAll(async () => {
  await h?.stop();
});

type Command =
  | { kind: 'pay'; order: 0 | 1; purpose: 'DEPOSIT' | 'BALANCE' }
  | { kind: 'bulk' }
  | { kind: 'refund'; order: 0 | 1; amount: number }
  | { kind: 'cancel'; order: 0 | 1; fee: number }
  | { kind: 'ship'; order: 0 | 1 };

const order = fc.constantFrom(0 as const, 1 as const);
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('pay' as const), order, purpose: fc.constantFrom('DEPOSIT' as const, 'BALANCE' as const) }),
  fc.record({ kind: fc.constant('bulk' as const) }),
  fc.record({ kind: fc.constant('refund' as const), order, amount: fc.integer({ min: 1, max: 12_000 }) }),
  fc.record({ kind: fc.constant('cancel' as const), order, fee: fc.integer({ min: 0, max: 6_000 }) }),
  fc.record({ kind: fc.constant('ship' as const), order }),
);

const envelope = <T>(type: string, subject: string, data: T): EventEnvelope<T> => ({
  id: randomUUID(),
  type,
  source: 'orders',
  time: new Date().toISOString(),
  subject,
  version: 1,
  data,
});

async function openOrder(customerId: string): Promise<string> {
  const orderId = randomUUID();
  const usd = (amount: number) => ({ amount, currency: 'USD' });
  for (const [purpose, goods, shipping] of [
    ['DEPOSIT', 3000, 0],
    ['BALANCE', 7000, 900],
  ] as const) {
    const data: EventData<typeof paymentDueV1> = {
      dueId: randomUUID(),
      orderId,
      customerId,
      purpose,
      amount: usd(goods + shipping),
      goods: usd(goods),
      shipping: usd(shipping),
      dueAt: null,
      collect: 'CUSTOMER',
      paymentMethodId: null,
    };
    await h.em().transactional((tx) => recordDue(tx, envelope(paymentDueV1.type, orderId, data)));
  }
  return orderId;
}

/** Refusals are part of the game (already paid, nothing left to refund, closed order); anything else is a failure. */
async function expected(run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
  }
}

describe('the ledger on PostgreSQL under random money movements', () => {
  it('always balances, never goes negative, and matches the provider', async () => {
    const runtime = runtimeOf(h.service.orm);
    const staffId = randomUUID();
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 8 }), async (commands) => {
        const customerId = randomUUID();
        const orders = [await openOrder(customerId), await openOrder(customerId)];
        for (const c of commands) {
          const key = randomUUID();
          if (c.kind === 'pay') {
            await expected(() =>
              pay(h.em(), runtime, {
                customerId,
                orderIds: [orders[c.order]!],
                method: { token: 'sandbox_visa' },
                savePaymentMethod: false,
                purpose: c.purpose,
                idempotencyKey: key,
              }),
            );
          } else if (c.kind === 'bulk') {
            await expected(() =>
              pay(h.em(), runtime, {
                customerId,
                orderIds: orders,
                method: { token: 'sandbox_visa' },
                savePaymentMethod: false,
                purpose: 'BALANCE',
                idempotencyKey: key,
              }),
            );
          } else if (c.kind === 'refund') {
            await expected(() =>
              refundPayment(h.em(), runtime, {
                staffId,
                orderId: orders[c.order]!,
                amount: { amount: c.amount, currency: 'USD' },
                reason: 'property',
                idempotencyKey: key,
              }),
            );
          } else if (c.kind === 'cancel') {
            await h.em().transactional((tx) =>
              closeOrder(tx, {
                orderId: orders[c.order]!,
                customerId,
                status: 'CANCELLED',
                fee: { amount: c.fee, currency: 'USD' },
                refund: { amount: 0, currency: 'USD' },
              }),
            );
          } else {
            const id = orders[c.order]!;
            await h
              .em()
              .transactional((tx) => onOrderStatusChanged(tx, envelope(orderStatusChangedV1.type, id, { orderId: id, from: 'IN_FULFILMENT', to: 'SHIPPED' })));
          }
        }
        // Payouts decided by cancellations run on their timer: wait for them before asking the provider.
        await eventually(async () => (await h.sql(`select 1 from payments.refund where status = 'PENDING'`)).length === 0, { timeoutMs: 20_000 });
        const transactions = await allTransactions(h.em());
        const since = new Date(Date.now() - 86_400_000);
        const [charges, refunds] = await Promise.all([runtime.provider.listCharges(since), runtime.provider.listRefunds(since)]);
        const found = reconcile(transactions, {
          charges: charges.map((x) => ({ chargeId: x.chargeId, currency: x.currency, amount: x.amount })),
          refunds: refunds.map((r) => ({ providerRefundId: r.refundId, chargeId: r.chargeId, currency: r.currency, amount: r.amount })),
        });
        expect(found).toEqual([]);
        for (const p of orderPositions(transactions)) expect(p.paid - p.refunded).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 12 },
    );
  }, 300_000);
});
