import { normalBalance, orderFundAccounts, type OrderFundAccount } from './ledger-accounts.js';
import type { JournalTransaction, RecordedTransaction } from './ledger.js';
import type { PaidTowards, PaymentPurpose } from './payment-purpose.js';

/** One order's share of one provider charge (a bulk charge has one share per order). */
export interface ChargeBalance {
  chargeId: string;
  /** The ledger sequence of its capture: larger is newer. */
  capturedSequence: number;
  captured: number;
  /** Refunds decided against this share, paid out or not. */
  refunded: number;
  /** Refunds the provider has paid out from it. */
  refundedOut: number;
}

/** Where one order's money stands, in one currency, as the ledger says. Every figure is in minor units and normally non-negative. */
export interface OrderPosition {
  orderId: string;
  currency: string;
  /** Captured from the customer (provider clearing debits). */
  paid: number;
  /** Refunds decided (refunds payable credits), paid out or not: what can no longer be refunded. */
  refunded: number;
  /** Refunds the provider paid out (provider clearing credits). */
  refundedOut: number;
  /** Normal balance of each account that holds or earned this order's money. */
  balances: Record<OrderFundAccount, number>;
  /** Deposits, deferred revenue and shipping still held: liabilities until shipment. */
  held: number;
  /** Oldest first. */
  charges: ChargeBalance[];
}

const emptyBalances = (): Record<OrderFundAccount, number> => Object.fromEntries(orderFundAccounts.map((a) => [a, 0])) as Record<OrderFundAccount, number>;

const isFundAccount = (account: string): account is OrderFundAccount => (orderFundAccounts as readonly string[]).includes(account);

export function emptyPosition(orderId: string, currency: string): OrderPosition {
  return { orderId, currency, paid: 0, refunded: 0, refundedOut: 0, balances: emptyBalances(), held: 0, charges: [] };
}

/** What can still be refunded on the order, whatever the reason: paid minus refunds decided. */
export function refundable(position: OrderPosition): number {
  return position.paid - position.refunded;
}

/** Every order's position per currency found in the transactions, sorted by order then currency. */
export function orderPositions(transactions: readonly RecordedTransaction[]): OrderPosition[] {
  const positions = new Map<string, OrderPosition>();
  for (const tx of [...transactions].sort((x, y) => x.sequence - y.sequence)) {
    for (const p of tx.postings) {
      if (p.orderId === undefined) continue;
      const key = JSON.stringify([p.orderId, p.currency]);
      let position = positions.get(key);
      if (!position) positions.set(key, (position = emptyPosition(p.orderId, p.currency)));
      const charge = p.chargeId === undefined ? undefined : chargeOf(position, p.chargeId, tx.sequence);
      if (p.account === 'PROVIDER_CLEARING' && p.amount > 0) {
        position.paid += p.amount;
        if (charge) charge.captured += p.amount;
      } else if (p.account === 'PROVIDER_CLEARING') {
        position.refundedOut -= p.amount;
        if (charge) charge.refundedOut -= p.amount;
      } else if (p.account === 'REFUNDS_PAYABLE' && p.amount < 0) {
        position.refunded -= p.amount;
        if (charge) charge.refunded -= p.amount;
      } else if (isFundAccount(p.account)) {
        position.balances[p.account] += normalBalance(p.account, p.amount);
      }
    }
  }
  for (const position of positions.values()) {
    const b = position.balances;
    position.held = b.CUSTOMER_DEPOSITS_HELD + b.DEFERRED_REVENUE + b.SHIPPING_COLLECTED;
  }
  return [...positions.values()].sort((x, y) => compareText(x.orderId, y.orderId) || compareText(x.currency, y.currency));
}

/** One order's position in one currency (empty when the ledger has nothing for it). */
export function orderPosition(orderId: string, currency: string, transactions: readonly RecordedTransaction[]): OrderPosition {
  return orderPositions(transactions).find((p) => p.orderId === orderId && p.currency === currency) ?? emptyPosition(orderId, currency);
}

/** What captured charges brought in per order and purpose: the `alreadyPaid` of amountToCollect. */
export function paidTowards(transactions: readonly JournalTransaction[]): PaidTowards[] {
  const paid = new Map<string, PaidTowards>();
  for (const tx of transactions) {
    if (tx.kind !== 'CHARGE_CAPTURED') continue;
    const purpose = tx.reason as PaymentPurpose;
    for (const p of tx.postings) {
      if (p.orderId === undefined || p.amount >= 0) continue;
      const key = JSON.stringify([p.orderId, purpose]);
      const entry = paid.get(key) ?? { orderId: p.orderId, purpose, product: 0, shipping: 0 };
      if (p.account === 'SHIPPING_COLLECTED') entry.shipping -= p.amount;
      else entry.product -= p.amount;
      paid.set(key, entry);
    }
  }
  return [...paid.values()];
}

function chargeOf(position: OrderPosition, chargeId: string, sequence: number): ChargeBalance {
  let charge = position.charges.find((c) => c.chargeId === chargeId);
  if (!charge) position.charges.push((charge = { chargeId, capturedSequence: sequence, captured: 0, refunded: 0, refundedOut: 0 }));
  return charge;
}

function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
