import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Claim } from '../store/claim.entity.js';
import { ClaimableLine } from '../store/claimable-order.entity.js';
import { PreferenceReturn } from '../store/preference-return.entity.js';

export interface LineBalance {
  /** What the line paid: unit price x quantity. */
  paid: number;
  /** What is left of it after every other refund on the line (claims, a return). */
  remaining: number;
}

/**
 * Locks an order line (two decisions on one line wait for each other, so
 * they cannot both spend it) and says what is left of what it paid after the
 * refunds of its claims and its return (goods only: a return's shipping
 * share is not the line's), leaving out the one being decided.
 */
export async function lockLineBalance(
  tx: EntityManager,
  line: { orderId: string; productId: string },
  except: { claimId?: string; returnId?: string } = {},
): Promise<LineBalance> {
  const row = await tx.findOneOrFail(ClaimableLine, { orderId: line.orderId, productId: line.productId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const where = { orderId: line.orderId, productId: line.productId, refundAmount: { $ne: null } };
  const claims = await tx.find(Claim, { ...where, ...(except.claimId && { id: { $ne: except.claimId } }) }, { fields: ['refundAmount'] });
  const returns = await tx.find(
    PreferenceReturn,
    { ...where, ...(except.returnId && { id: { $ne: except.returnId } }) },
    { fields: ['refundAmount', 'shippingRefund'] },
  );
  return balanceOf(row, claims, returns);
}

/**
 * What is left of each line of an order after its refunds, read without a
 * lock (a quote shown to the customer; the deciding use case locks the line
 * and reads it again): by product id.
 */
export async function lineBalances(em: EntityManager, orderId: string, lines: readonly ClaimableLine[]): Promise<Map<string, LineBalance>> {
  const where = { orderId, refundAmount: { $ne: null } };
  const claims = await em.find(Claim, where, { fields: ['productId', 'refundAmount'] });
  const returns = await em.find(PreferenceReturn, where, { fields: ['productId', 'refundAmount', 'shippingRefund'] });
  return new Map(
    lines.map((line) => [
      line.productId,
      balanceOf(
        line,
        claims.filter((c) => c.productId === line.productId),
        returns.filter((r) => r.productId === line.productId),
      ),
    ]),
  );
}

function balanceOf(
  line: { unitPriceAmount: number; quantity: number },
  claims: readonly { refundAmount?: number | null }[],
  returns: readonly { refundAmount?: number | null; shippingRefund: number }[],
): LineBalance {
  const paid = line.unitPriceAmount * line.quantity;
  // A return's share of the shipping is not the line's goods money: only the rest counts against the line.
  const goodsRefunds = [...claims.map((c) => c.refundAmount ?? 0), ...returns.map((r) => Math.max((r.refundAmount ?? 0) - r.shippingRefund, 0))];
  const refunded = goodsRefunds.reduce((sum, amount) => sum + amount, 0);
  return { paid, remaining: paid - refunded };
}
