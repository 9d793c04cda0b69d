import { formatMoney, type MoneyValue } from './format.js';

// Payments' states and the ledger reconciliation's findings in staff's words (the back office is English).

const statusWords: Record<string, string> = {
  REQUIRES_PAYMENT_METHOD: 'Waiting for a card',
  REQUIRES_ACTION: 'Waiting for the customer (card check)',
  PROCESSING: 'Processing at the provider',
  REQUIRES_CAPTURE: 'Authorised, not captured',
  SUCCEEDED: 'Paid',
  FAILED: 'Failed',
  CANCELLED: 'Cancelled',
};
export const paymentStatusText = (status: string) => statusWords[status] ?? status;

/** A reconciliation finding: what kind of problem, and its facts as one sentence. */
export interface DiscrepancyWords {
  title: string;
  sentence: string;
}

const accountWords: Record<string, string> = {
  CUSTOMER_DEPOSITS_HELD: 'deposits held',
  DEFERRED_REVENUE: 'revenue not yet earned',
  SHIPPING_COLLECTED: 'shipping collected',
  REVENUE: 'revenue',
  SHIPPING_REVENUE: 'shipping revenue',
  FEES_EARNED: 'fees earned',
  REFUNDS_PAYABLE: 'refunds owed to customers',
};

const isMoney = (v: unknown): v is MoneyValue =>
  typeof v === 'object' && v !== null && typeof (v as MoneyValue).amount === 'number' && typeof (v as MoneyValue).currency === 'string';

/**
 * Payments gives each finding's facts as a JSON object (`LedgerDiscrepancy.details`); this says them in a sentence.
 * Facts it does not expect (a kind added later, a field renamed) fall back to the facts as payments wrote them, so
 * nothing the API reports is hidden.
 */
export function discrepancyWords(kind: string, detailsJson: string): DiscrepancyWords {
  let d: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(detailsJson);
    if (typeof parsed === 'object' && parsed !== null) d = parsed as Record<string, unknown>;
  } catch {
    // Unreadable facts: shown as they came, below.
  }
  const num = (k: string) => (typeof d[k] === 'number' ? (d[k] as number) : null);
  const str = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : null);
  const currency = str('currency');
  const money = (k: string) => (currency && num(k) !== null ? formatMoney({ amount: num(k)!, currency }) : null);
  const order = str('orderId') ? `Order ${str('orderId')!.slice(0, 8)}` : null;
  const side = (v: unknown) => (isMoney(v) ? formatMoney(v) : 'nothing');
  const refundSide = (v: unknown) =>
    typeof v === 'object' && v !== null && isMoney((v as { amount?: unknown }).amount)
      ? `${formatMoney((v as { amount: MoneyValue }).amount)} on charge ${String((v as { chargeId?: unknown }).chargeId)}`
      : 'nothing';
  const fallback = { title: kind, sentence: detailsJson };
  switch (kind) {
    case 'UNBALANCED_TRANSACTION':
      return money('amount')
        ? {
            title: 'A transaction does not balance',
            sentence: `Transaction ${str('transactionId')}: its postings add up to ${money('amount')} instead of zero.`,
          }
        : fallback;
    case 'NEGATIVE_ORDER_POSITION':
      return order && money('paid') && money('refunded')
        ? { title: 'An order was refunded more than it paid', sentence: `${order} paid ${money('paid')} and was refunded ${money('refunded')}.` }
        : fallback;
    case 'NEGATIVE_BALANCE':
      return order && money('balance')
        ? {
            title: 'An account of an order is below zero',
            sentence: `${order}: ${accountWords[str('account') ?? ''] ?? str('account')} stands at ${money('balance')}.`,
          }
        : fallback;
    case 'OVER_REFUNDED_CHARGE':
      return order && money('captured') && money('refunded')
        ? {
            title: 'A charge was refunded beyond what it captured',
            sentence: `${order}: charge ${str('chargeId')} captured ${money('captured')} and was refunded ${money('refunded')}.`,
          }
        : fallback;
    case 'CHARGE_MISMATCH':
      return str('chargeId')
        ? {
            title: 'The ledger and the provider disagree on a charge',
            sentence: `Charge ${str('chargeId')}: the ledger captured ${side(d.ledger)}, the provider ${side(d.provider)}.`,
          }
        : fallback;
    case 'REFUND_MISMATCH':
      return str('providerRefundId')
        ? {
            title: 'The ledger and the provider disagree on a refund',
            sentence: `Refund ${str('providerRefundId')}: the ledger paid out ${refundSide(d.ledger)}, the provider ${refundSide(d.provider)}.`,
          }
        : fallback;
    default:
      return fallback;
  }
}
