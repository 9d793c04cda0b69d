import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInput, NotFound, storeNow, type Caller } from '@vitrine/platform';
import { preferenceReturn, type ReturnedLine, type ReturnRequestDecision } from '../domain/preference-return.js';
import { shippingShares } from '../domain/shipping-share.js';
import { canAccessOwnedBy } from '../identity.js';
import { ClaimableLine, ClaimableOrder } from '../store/claimable-order.entity.js';
import { PreferenceReturn } from '../store/preference-return.entity.js';
import { lineBalances, type LineBalance } from './line-balance.js';
import { policyVersion } from './policy-versions.js';

/** What a delivered line may do now: the policy's decision (terms or refusal, and the deadline), and the return already asked for it. */
export interface ReturnOffer {
  orderId: string;
  productId: string;
  /** The order's policy version, which the decision's rule comes from. */
  policyVersion: number;
  decision: ReturnRequestDecision;
  /** The line's return when one was asked already: requestReturn answers it again, so no new one is offered. */
  requested: PreferenceReturn | null;
}

/**
 * The facts `preferenceReturn` judges a line by, built alike for the offer and
 * for requestReturn: what the line paid and has left, and its share of the
 * order's shipping (`lines` in product id order, as the shares are split).
 */
export function returnedLine(order: ClaimableOrder, lines: readonly ClaimableLine[], line: ClaimableLine, balance: LineBalance): ReturnedLine {
  const shares = shippingShares(
    lines.map((l) => ({ productId: l.productId, paid: l.unitPriceAmount * l.quantity })),
    order.shippingPaidAmount ?? 0,
  );
  return {
    orderKind: order.kind === 'PREORDER' ? 'PREORDER' : 'IN_STOCK',
    currency: line.currency,
    linePaid: balance.paid,
    remaining: balance.remaining,
    shippingShare: shares.get(line.productId) ?? 0,
    orderedAt: order.orderedAt,
    deliveredAt: order.deliveredAt ?? null,
  };
}

/**
 * Whether each line of an order (or the one named) can go back for preference
 * now and on what terms, by the same decision requestReturn applies
 * (`preferenceReturn`, the order's policy version, the store clock): its
 * customer or staff with aftersales:decide; anyone else NOT_FOUND, as for
 * every read of an order here. Lines in product id order.
 */
export async function returnOffers(em: EntityManager, caller: Caller, orderId: string, productId: string | null): Promise<ReturnOffer[]> {
  const order = await em.findOne(ClaimableOrder, { id: orderId });
  if (!order || !canAccessOwnedBy(caller, order.customerId, 'aftersales:decide')) throw new NotFound('Order', orderId);
  const lines = await em.find(ClaimableLine, { orderId }, { orderBy: { productId: 'asc' } });
  const asked = productId === null ? lines : lines.filter((l) => l.productId === productId);
  if (asked.length === 0 && productId !== null) {
    throw new BadUserInput('This product is not in the order.', [{ field: 'productId', reason: 'NOT_IN_ORDER', message: 'Choose a product of the order.' }]);
  }
  const policy = await policyVersion(em, order.policyVersion);
  const balances = await lineBalances(em, orderId, lines);
  const returns = await em.find(PreferenceReturn, { orderId });
  const now = storeNow();
  return asked.map((line) => ({
    orderId,
    productId: line.productId,
    policyVersion: order.policyVersion,
    decision: preferenceReturn(policy, returnedLine(order, lines, line, balances.get(line.productId)!), now),
    requested: returns.find((r) => r.productId === line.productId) ?? null,
  }));
}
