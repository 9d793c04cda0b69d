import type { EntityManager } from '@mikro-orm/postgresql';
import { refundFailedV1, refundIssuedV1 } from '@vitrine/contracts';
import { storeNow } from '@vitrine/platform';
import { refundPaidOut } from '../domain/ledger-movements.js';
import { money } from '../domain/money.js';
import { callProvider, type PaymentsRuntime } from '../config/payments-runtime.js';
import { payments } from '../identity.js';
import { ProviderRejected, type ProviderRefundResult } from '../providers/payment-provider.js';
import { positionOf, postTransaction } from '../store/ledger-book.js';
import { schemaOf, type Row } from '../store/sql.js';
import { lockOrders } from './order-money.js';

async function lockRefund(em: EntityManager, refundId: string): Promise<Row | null> {
  const s = schemaOf(em);
  const [peek] = await em.execute<Row[]>(`select order_id from ${s}.refund where id = ?`, [refundId]);
  if (!peek) return null;
  await lockOrders(em, [peek.order_id]);
  const [refund] = await em.execute<Row[]>(`select * from ${s}.refund where id = ? for update`, [refundId]);
  return refund ?? null;
}

/**
 * Pays a decided refund out at the provider: one provider refund per piece
 * (per charge), each under a key of its own (`refund:<payout id>`), so a
 * retry after a crash or a timeout never refunds twice. Run by the payout
 * timer, in its transaction. A provider that is down makes the timer try
 * again later (the throw); a provider that refuses marks the piece FAILED
 * (the money stays owed to the customer, in refunds payable, for staff).
 */
export async function payOutRefund(em: EntityManager, runtime: PaymentsRuntime, refundId: string): Promise<void> {
  const refund = await lockRefund(em, refundId);
  if (!refund || refund.status !== 'PENDING') return;
  const pending = await em.execute<Row[]>(`select * from ${schemaOf(em)}.refund_payout where refund_id = ? and status = 'PENDING' order by created_at, id`, [
    refundId,
  ]);
  for (const payout of pending) {
    let result: ProviderRefundResult;
    try {
      result = await callProvider(runtime, 'refund', (p) =>
        p.refund(
          { chargeId: payout.provider_charge_id, amount: Number(payout.amount), currency: refund.currency, refundId, payoutId: payout.id },
          `refund:${payout.id}`,
        ),
      );
    } catch (err) {
      if (!(err instanceof ProviderRejected)) throw err;
      result = {
        id: '',
        status: 'FAILED',
        chargeId: payout.provider_charge_id,
        amount: Number(payout.amount),
        currency: refund.currency,
        failureCode: err.code,
      };
    }
    await applyPayoutResult(em, refund, payout, result);
  }
  await finishRefundIfDone(em, refund);
}

/** A provider refund's outcome on one piece (from our call, or from a refund webhook). */
async function applyPayoutResult(em: EntityManager, refund: Row, payout: Row, result: ProviderRefundResult): Promise<void> {
  const s = schemaOf(em);
  if (payout.status === 'SUCCEEDED' || payout.status === 'FAILED') return;
  if (result.status === 'PENDING') {
    await em.execute(`update ${s}.refund_payout set status = 'PROCESSING', provider_refund_id = ? where id = ?`, [result.id, payout.id]);
    return;
  }
  if (result.status === 'FAILED') {
    await em.execute(
      `update ${s}.refund_payout set status = 'FAILED', provider_refund_id = nullif(?, ''), failure_code = ?, completed_at = now() where id = ?`,
      [result.id, result.failureCode?.slice(0, 80) ?? null, payout.id],
    );
    return;
  }
  const position = await positionOf(em, refund.order_id, refund.currency);
  await postTransaction(
    em,
    refundPaidOut(
      { refundId: refund.id, chargeId: payout.provider_charge_id, providerRefundId: result.id, amount: money(Number(payout.amount), refund.currency) },
      position,
    ),
    { refundId: refund.id },
  );
  await em.execute(`update ${s}.refund_payout set status = 'SUCCEEDED', provider_refund_id = ?, completed_at = now() where id = ?`, [result.id, payout.id]);
}

/** Once no piece is waiting: the refund's status, RefundIssued for what went back, RefundFailed for what the provider refused. */
async function finishRefundIfDone(em: EntityManager, refund: Row): Promise<void> {
  const s = schemaOf(em);
  const payouts = await em.execute<Row[]>(`select status, amount, failure_code from ${s}.refund_payout where refund_id = ?`, [refund.id]);
  if (payouts.some((p) => p.status === 'PENDING' || p.status === 'PROCESSING')) return;
  const sum = (status: string) => payouts.filter((p) => p.status === status).reduce((n, p) => n + Number(p.amount), 0);
  const issued = sum('SUCCEEDED');
  const failed = sum('FAILED');
  const status = failed === 0 ? 'SUCCEEDED' : issued === 0 ? 'FAILED' : 'PARTIALLY_FAILED';
  await em.execute(`update ${s}.refund set status = ?, completed_at = now() where id = ?`, [status, refund.id]);
  const base = { refundId: refund.id, orderId: refund.order_id, customerId: refund.customer_id, reason: refund.reason };
  if (issued > 0) {
    payments.recordEvent(em, {
      definition: refundIssuedV1,
      subject: refund.order_id,
      data: { ...base, amount: { amount: issued, currency: refund.currency }, issuedAt: storeNow().toISOString() },
    });
  }
  if (failed > 0) {
    payments.recordEvent(em, {
      definition: refundFailedV1,
      subject: refund.order_id,
      data: {
        ...base,
        amount: { amount: failed, currency: refund.currency },
        providerCode: payouts.find((p) => p.status === 'FAILED')?.failure_code ?? null,
        failedAt: storeNow().toISOString(),
      },
    });
  }
}

/** A refund webhook: the piece it names (by our payout id, or the provider's refund id) settles if it was waiting. */
export async function applyRefundWebhook(
  em: EntityManager,
  result: ProviderRefundResult,
  payoutId: string | null,
): Promise<'APPLIED' | 'DUPLICATE' | 'UNKNOWN_REFUND'> {
  const s = schemaOf(em);
  const [peek] = await em.execute<Row[]>(`select refund_id from ${s}.refund_payout where ${payoutId ? 'id = ?' : 'provider_refund_id = ?'}`, [
    payoutId ?? result.id,
  ]);
  if (!peek) return 'UNKNOWN_REFUND';
  const refund = await lockRefund(em, peek.refund_id);
  const [payout] = await em.execute<Row[]>(
    `select * from ${s}.refund_payout where refund_id = ? and ${payoutId ? 'id = ?' : 'provider_refund_id = ?'} for update`,
    [peek.refund_id, payoutId ?? result.id],
  );
  if (!refund || !payout || payout.status === 'SUCCEEDED' || payout.status === 'FAILED' || result.status === 'PENDING') return 'DUPLICATE';
  await applyPayoutResult(em, refund, payout, result);
  await finishRefundIfDone(em, refund);
  return 'APPLIED';
}
