import { BadUserInput, Conflict, PolicyViolation } from '@vitrine/platform/domain';
import { productAccountFor, type OrderFundAccount } from './ledger-accounts.js';
import { journal, type FeeReason, type JournalTransaction, type Posting, type RefundReason } from './ledger.js';
import { formatMoney, isCurrencyCode, money, type Money } from './money.js';
import type { OrderPosition } from './order-position.js';
import type { PaymentPurpose } from './payment-purpose.js';
import { allocateRefund } from './refund-allocation.js';

/** One order's share of a captured charge (a CollectionPart fits). */
export interface ChargePart {
  orderId: string;
  product: number;
  shipping: number;
}

export interface CapturedCharge {
  /** The provider's charge id. */
  chargeId: string;
  purpose: PaymentPurpose;
  currency: string;
  /** One per order: a bulk balance payment has several. */
  parts: readonly ChargePart[];
}

/**
 * A charge captured at the provider. Per order: provider clearing is debited
 * with the order's share (tagged with the order and the charge, so a bulk
 * charge is as many shares as orders); the product part is credited to
 * deposits held (deposit, down payment) or deferred revenue (anything else),
 * the shipping part to shipping collected. Nothing is revenue yet.
 */
export function chargeCaptured(charge: CapturedCharge): JournalTransaction {
  const { chargeId, purpose, currency, parts } = charge;
  if (!isCurrencyCode(currency)) throw new RangeError(`Not a currency: ${currency}.`);
  if (parts.length === 0) throw new RangeError(`Charge ${chargeId} has no parts.`);
  if (new Set(parts.map((p) => p.orderId)).size !== parts.length) throw new RangeError(`Charge ${chargeId} lists an order twice.`);
  const postings = parts.flatMap((part): Posting[] => {
    const { orderId, product, shipping } = part;
    if (![product, shipping].every((n) => Number.isSafeInteger(n) && n >= 0) || product + shipping === 0) {
      throw new RangeError(`Charge ${chargeId}: order ${orderId} has no valid amount (product ${product}, shipping ${shipping}).`);
    }
    if (purpose === 'EXTRA_SHIPPING' && product !== 0) throw new RangeError(`Charge ${chargeId}: an extra shipping invoice has no product part.`);
    return [
      { account: 'PROVIDER_CLEARING', amount: product + shipping, currency, orderId, chargeId },
      { account: productAccountFor(purpose), amount: -product, currency, orderId },
      { account: 'SHIPPING_COLLECTED', amount: -shipping, currency, orderId },
    ];
  });
  return journal('CHARGE_CAPTURED', purpose, postings);
}

/**
 * The order left the warehouse: everything held for it is earned. Product
 * money (deposits, deferred revenue) becomes revenue, shipping becomes
 * shipping revenue. Null when nothing is held (nothing to post).
 */
export function orderShipped(position: OrderPosition): JournalTransaction | null {
  const { orderId, currency, balances: b } = position;
  const deposits = Math.max(0, b.CUSTOMER_DEPOSITS_HELD);
  const deferred = Math.max(0, b.DEFERRED_REVENUE);
  const shipping = Math.max(0, b.SHIPPING_COLLECTED);
  if (deposits + deferred + shipping === 0) return null;
  return journal('ORDER_SHIPPED', null, [
    { account: 'CUSTOMER_DEPOSITS_HELD', amount: deposits, currency, orderId },
    { account: 'DEFERRED_REVENUE', amount: deferred, currency, orderId },
    { account: 'REVENUE', amount: -(deposits + deferred), currency, orderId },
    { account: 'SHIPPING_COLLECTED', amount: shipping, currency, orderId },
    { account: 'SHIPPING_REVENUE', amount: -shipping, currency, orderId },
  ]);
}

/** Which of an order's accounts a fee may be taken from, in order. */
export const feeSources: Readonly<Record<FeeReason, readonly OrderFundAccount[]>> = {
  DEPOSIT_FORFEITED: ['CUSTOMER_DEPOSITS_HELD'],
  DOWN_PAYMENT_FORFEITED: ['CUSTOMER_DEPOSITS_HELD'],
  // 000: 50% of the deposit (preorder), 30% of the total once processed (in stock, paid in full).
  CANCELLATION_FEE: ['CUSTOMER_DEPOSITS_HELD', 'DEFERRED_REVENUE'],
  // 000 returns: 30% kept from a shipped order's revenue.
  RESTOCKING_FEE: ['CUSTOMER_DEPOSITS_HELD', 'DEFERRED_REVENUE', 'REVENUE'],
};

/**
 * Which accounts a refund is paid from, in order. Before shipment the money
 * is still held; after it, a return or compensation reduces revenue. Staff
 * may refund anything still on the order, fees included.
 */
export const refundSources: Readonly<Record<RefundReason, readonly OrderFundAccount[]>> = {
  CANCELLATION: ['DEFERRED_REVENUE', 'CUSTOMER_DEPOSITS_HELD', 'SHIPPING_COLLECTED'],
  RETURN: ['REVENUE', 'SHIPPING_REVENUE'],
  SHIPPING_EXCESS: ['SHIPPING_COLLECTED', 'SHIPPING_REVENUE'],
  COMPENSATION: ['REVENUE'],
  STAFF: ['DEFERRED_REVENUE', 'CUSTOMER_DEPOSITS_HELD', 'SHIPPING_COLLECTED', 'REVENUE', 'SHIPPING_REVENUE', 'FEES_EARNED'],
};

const refundLabels: Readonly<Record<RefundReason, string>> = {
  CANCELLATION: 'for the cancellation',
  RETURN: 'for the return',
  SHIPPING_EXCESS: 'as shipping',
  COMPENSATION: 'as compensation',
  STAFF: '',
};

/** What the accounts can give, in order, without going below zero. */
export function available(position: OrderPosition, accounts: readonly OrderFundAccount[]): number {
  return accounts.reduce((n, a) => n + Math.max(0, position.balances[a]), 0);
}

function draw(position: OrderPosition, accounts: readonly OrderFundAccount[], amount: number): { account: OrderFundAccount; amount: number }[] {
  const taken: { account: OrderFundAccount; amount: number }[] = [];
  let rest = amount;
  for (const account of accounts) {
    const take = Math.min(rest, Math.max(0, position.balances[account]));
    if (take > 0) taken.push({ account, amount: take });
    rest -= take;
  }
  return taken;
}

function checkAmount(amount: Money, position: OrderPosition, what: string): void {
  if (!Number.isSafeInteger(amount.amount) || amount.amount <= 0) {
    const message = `A ${what} must be a whole amount above zero.`;
    throw new BadUserInput(message, [{ field: 'amount.amount', reason: 'OUT_OF_RANGE', message }]);
  }
  if (amount.currency !== position.currency) {
    const message = `Amounts on this order are in ${position.currency}.`;
    throw new BadUserInput(message, [{ field: 'amount.currency', reason: 'CURRENCY_MISMATCH', message }]);
  }
}

/**
 * Held (or, for a restocking fee, earned) money kept as a fee: a forfeited
 * deposit or down payment, a cancellation or restocking fee. Refuses with
 * POLICY_VIOLATION `FEE_EXCEEDS_HELD` a fee above what its sources hold.
 */
export function feeKept(fee: { reason: FeeReason; amount: Money }, position: OrderPosition): JournalTransaction {
  checkAmount(fee.amount, position, 'fee');
  const sources = feeSources[fee.reason];
  const most = available(position, sources);
  if (fee.amount.amount > most) {
    throw new PolicyViolation(`At most ${formatMoney(money(most, position.currency))} can be kept as this fee on the order.`, 'FEE_EXCEEDS_HELD', {
      available: most,
      requested: fee.amount.amount,
    });
  }
  const { orderId } = position;
  const currency = position.currency;
  return journal('FEE_KEPT', fee.reason, [
    ...draw(position, sources, fee.amount.amount).map((d): Posting => ({ account: d.account, amount: d.amount, currency, orderId })),
    { account: 'FEES_EARNED', amount: -fee.amount.amount, currency, orderId },
  ]);
}

/**
 * A refund decided (by orders, logistics, after-sales or staff): the amount
 * leaves the order's accounts for refunds payable, split across the order's
 * charges newest first (one payable posting per charge, each paid out by
 * one provider refund). Refuses a refund above paid minus refunded
 * (`REFUND_EXCEEDS_PAID`) or above what the reason may draw on, the rest
 * being earned or kept as fees (`REFUND_EXCEEDS_AVAILABLE`).
 */
export function refundDecided(refund: { refundId: string; reason: RefundReason; amount: Money }, position: OrderPosition): JournalTransaction {
  checkAmount(refund.amount, position, 'refund');
  const pieces = allocateRefund(refund.amount, position);
  const sources = refundSources[refund.reason];
  const most = available(position, sources);
  if (refund.amount.amount > most) {
    const label = refundLabels[refund.reason];
    throw new PolicyViolation(
      `At most ${formatMoney(money(most, position.currency))} can be refunded${label ? ` ${label}` : ''} on this order; the rest is already earned or kept as fees.`,
      'REFUND_EXCEEDS_AVAILABLE',
      { available: most, requested: refund.amount.amount, currency: position.currency },
    );
  }
  const { orderId, currency } = position;
  const { refundId } = refund;
  return journal('REFUND_DECIDED', refund.reason, [
    ...draw(position, sources, refund.amount.amount).map((d): Posting => ({ account: d.account, amount: d.amount, currency, orderId, refundId })),
    ...pieces.map((p): Posting => ({ account: 'REFUNDS_PAYABLE', amount: -p.amount, currency, orderId, chargeId: p.chargeId, refundId })),
  ]);
}

/**
 * The provider paid out one piece of a refund (one provider refund against
 * one charge). Refuses with CONFLICT `REFUND_NOT_PENDING` a payout the
 * ledger did not decide: the provider and the ledger disagree.
 */
export function refundPaidOut(
  payout: { refundId: string; chargeId: string; providerRefundId: string; amount: Money },
  position: OrderPosition,
): JournalTransaction {
  const { refundId, chargeId, providerRefundId, amount } = payout;
  const charge = position.charges.find((c) => c.chargeId === chargeId);
  const pending = charge ? charge.refunded - charge.refundedOut : 0;
  if (amount.currency !== position.currency || !Number.isSafeInteger(amount.amount) || amount.amount <= 0 || amount.amount > pending) {
    throw new Conflict(`Refund ${providerRefundId} does not match a refund waiting to be paid out on charge ${chargeId}.`, {
      rule: 'REFUND_NOT_PENDING',
      pending,
      amount: amount.amount,
    });
  }
  const { orderId, currency } = position;
  return journal('REFUND_PAID_OUT', null, [
    { account: 'REFUNDS_PAYABLE', amount: amount.amount, currency, orderId, chargeId, refundId },
    { account: 'PROVIDER_CLEARING', amount: -amount.amount, currency, orderId, chargeId, refundId, providerRefundId },
  ]);
}
