import { BadUserInput, PolicyViolation } from '@vitrine/platform/domain';
import { formatMoney, money, type Money } from './money.js';

/** An order's share of one succeeded charge, and what was already refunded from it. */
export interface RefundableCharge {
  chargeId: string;
  /** Larger is newer (the ledger sequence of its capture). */
  capturedSequence: number;
  captured: number;
  refunded: number;
}

/** The part of a refund taken from one charge: one provider refund each. */
export interface RefundPiece {
  chargeId: string;
  amount: number;
}

export function refundLeft(charge: RefundableCharge): number {
  return Math.max(0, charge.captured - charge.refunded);
}

/**
 * Splits a refund across an order's charges, newest first, never taking
 * more from a charge than it has left (captured - refunded), so a refund
 * goes back where the latest money came from (the balance before the
 * deposit). Refuses with BAD_USER_INPUT a refund that is not a positive
 * whole amount in the order's currency, and with POLICY_VIOLATION
 * `REFUND_EXCEEDS_PAID` one above what was paid minus already refunded,
 * saying how much still can be.
 */
export function allocateRefund(amount: Money, order: { currency: string; charges: readonly RefundableCharge[] }): RefundPiece[] {
  if (!Number.isSafeInteger(amount.amount) || amount.amount <= 0) {
    const message = 'A refund must be a whole amount above zero.';
    throw new BadUserInput(message, [{ field: 'amount.amount', reason: 'OUT_OF_RANGE', message }]);
  }
  if (amount.currency !== order.currency) {
    const message = `Refunds on this order are in ${order.currency}.`;
    throw new BadUserInput(message, [{ field: 'amount.currency', reason: 'CURRENCY_MISMATCH', message }]);
  }
  const left = order.charges.reduce((n, c) => n + refundLeft(c), 0);
  if (amount.amount > left) {
    const paid = order.charges.reduce((n, c) => n + c.captured, 0);
    const refunded = order.charges.reduce((n, c) => n + c.refunded, 0);
    const m = (n: number) => formatMoney(money(n, order.currency));
    const message =
      left === 0
        ? `Nothing more can be refunded on this order: ${m(paid)} was paid and ${m(refunded)} already refunded.`
        : `At most ${m(left)} can still be refunded on this order (${m(paid)} paid, ${m(refunded)} already refunded).`;
    throw new PolicyViolation(message, 'REFUND_EXCEEDS_PAID', { refundable: left, requested: amount.amount, currency: order.currency });
  }
  const newestFirst = [...order.charges].sort((x, y) => y.capturedSequence - x.capturedSequence || (x.chargeId < y.chargeId ? 1 : -1));
  const pieces: RefundPiece[] = [];
  let rest = amount.amount;
  for (const charge of newestFirst) {
    if (rest === 0) break;
    const take = Math.min(rest, refundLeft(charge));
    if (take === 0) continue;
    pieces.push({ chargeId: charge.chargeId, amount: take });
    rest -= take;
  }
  return pieces;
}
