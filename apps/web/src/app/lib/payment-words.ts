import { formatMoney, type Locale, type MoneyValue } from './format.js';
import type { Wording } from './i18n.js';

// Payments' states and the ledger reconciliation's findings in staff's words, in the back office's language.

const en = {
  status: {
    REQUIRES_PAYMENT_METHOD: 'Waiting for a card',
    REQUIRES_ACTION: 'Waiting for the customer (card check)',
    PROCESSING: 'Processing at the provider',
    REQUIRES_CAPTURE: 'Authorised, not captured',
    SUCCEEDED: 'Paid',
    FAILED: 'Failed',
    CANCELLED: 'Cancelled',
  } as Record<string, string>,
  account: {
    CUSTOMER_DEPOSITS_HELD: 'deposits held',
    DEFERRED_REVENUE: 'revenue not yet earned',
    SHIPPING_COLLECTED: 'shipping collected',
    REVENUE: 'revenue',
    SHIPPING_REVENUE: 'shipping revenue',
    FEES_EARNED: 'fees earned',
    REFUNDS_PAYABLE: 'refunds owed to customers',
  } as Record<string, string>,
  order: (shortId: string) => `Order ${shortId}`,
  refundOnCharge: (amount: string, chargeId: string) => `${amount} on charge ${chargeId}`,
  unbalancedTransaction: {
    title: 'A transaction does not balance',
    sentence: (transactionId: string | null, amount: string) => `Transaction ${transactionId}: its postings add up to ${amount} instead of zero.`,
  },
  negativeOrderPosition: {
    title: 'An order was refunded more than it paid',
    sentence: (order: string, paid: string, refunded: string) => `${order} paid ${paid} and was refunded ${refunded}.`,
  },
  negativeBalance: {
    title: 'An account of an order is below zero',
    sentence: (order: string, account: string | null, balance: string) => `${order}: ${account} stands at ${balance}.`,
  },
  overRefundedCharge: {
    title: 'A charge was refunded beyond what it captured',
    sentence: (order: string, chargeId: string | null, captured: string, refunded: string) =>
      `${order}: charge ${chargeId} captured ${captured} and was refunded ${refunded}.`,
  },
  chargeMismatch: {
    title: 'The ledger and the provider disagree on a charge',
    /** A side that knows nothing of it: null. */
    sentence: (chargeId: string, ledger: string | null, provider: string | null) =>
      `Charge ${chargeId}: the ledger captured ${ledger ?? 'nothing'}, the provider ${provider ?? 'nothing'}.`,
  },
  refundMismatch: {
    title: 'The ledger and the provider disagree on a refund',
    sentence: (refundId: string, ledger: string | null, provider: string | null) =>
      `Refund ${refundId}: the ledger paid out ${ledger ?? 'nothing'}, the provider ${provider ?? 'nothing'}.`,
  },
};

const fr: typeof en = {
  status: {
    REQUIRES_PAYMENT_METHOD: 'En attente d’une carte',
    REQUIRES_ACTION: 'En attente du client (vérification de la carte)',
    PROCESSING: 'En cours de traitement chez le prestataire',
    REQUIRES_CAPTURE: 'Autorisé, non encaissé',
    SUCCEEDED: 'Payé',
    FAILED: 'Échoué',
    CANCELLED: 'Annulé',
  },
  account: {
    CUSTOMER_DEPOSITS_HELD: 'acomptes détenus',
    DEFERRED_REVENUE: 'produits constatés d’avance',
    SHIPPING_COLLECTED: 'frais de port encaissés',
    REVENUE: 'chiffre d’affaires',
    SHIPPING_REVENUE: 'chiffre d’affaires du port',
    FEES_EARNED: 'frais perçus',
    REFUNDS_PAYABLE: 'remboursements dus aux clients',
  },
  order: (shortId) => `Commande ${shortId}`,
  refundOnCharge: (amount, chargeId) => `${amount} sur le débit ${chargeId}`,
  unbalancedTransaction: {
    title: 'Une transaction n’est pas équilibrée',
    sentence: (transactionId, amount) => `Transaction ${transactionId} : ses écritures totalisent ${amount} au lieu de zéro.`,
  },
  negativeOrderPosition: {
    title: 'Une commande a été remboursée de plus qu’elle n’a payé',
    sentence: (order, paid, refunded) => `${order} a payé ${paid} et a été remboursée de ${refunded}.`,
  },
  negativeBalance: {
    title: 'Un compte d’une commande est négatif',
    sentence: (order, account, balance) => `${order} : le compte « ${account} » est à ${balance}.`,
  },
  overRefundedCharge: {
    title: 'Un débit a été remboursé au-delà de ce qu’il a encaissé',
    sentence: (order, chargeId, captured, refunded) => `${order} : le débit ${chargeId} a encaissé ${captured} et a été remboursé de ${refunded}.`,
  },
  chargeMismatch: {
    title: 'Le grand livre et le prestataire ne concordent pas sur un débit',
    sentence: (chargeId, ledger, provider) =>
      `Débit ${chargeId} : le grand livre ${ledger === null ? 'n’a rien encaissé' : `a encaissé ${ledger}`}, le prestataire ${provider ?? 'rien'}.`,
  },
  refundMismatch: {
    title: 'Le grand livre et le prestataire ne concordent pas sur un remboursement',
    sentence: (refundId, ledger, provider) =>
      `Remboursement ${refundId} : le grand livre ${ledger === null ? 'n’a rien versé' : `a versé ${ledger}`}, le prestataire ${provider ?? 'rien'}.`,
  },
};

const paymentWords: Wording<typeof en> = { en, fr };

export const paymentStatusText = (status: string, locale: Locale = 'en') => paymentWords[locale].status[status] ?? status;

/** A reconciliation finding: what kind of problem, and its facts as one sentence. */
export interface DiscrepancyWords {
  title: string;
  sentence: string;
}

const isMoney = (v: unknown): v is MoneyValue =>
  typeof v === 'object' && v !== null && typeof (v as MoneyValue).amount === 'number' && typeof (v as MoneyValue).currency === 'string';

/**
 * Payments gives each finding's facts as a JSON object (`LedgerDiscrepancy.details`); this says them in a sentence.
 * Facts it does not expect (a kind added later, a field renamed) fall back to the facts as payments wrote them, so
 * nothing the API reports is hidden.
 */
export function discrepancyWords(kind: string, detailsJson: string, locale: Locale = 'en'): DiscrepancyWords {
  const w = paymentWords[locale];
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
  const money = (k: string) => (currency && num(k) !== null ? formatMoney({ amount: num(k)!, currency }, locale) : null);
  const order = str('orderId') ? w.order(str('orderId')!.slice(0, 8)) : null;
  const side = (v: unknown) => (isMoney(v) ? formatMoney(v, locale) : null);
  const refundSide = (v: unknown) =>
    typeof v === 'object' && v !== null && isMoney((v as { amount?: unknown }).amount)
      ? w.refundOnCharge(formatMoney((v as { amount: MoneyValue }).amount, locale), String((v as { chargeId?: unknown }).chargeId))
      : null;
  const fallback = { title: kind, sentence: detailsJson };
  switch (kind) {
    case 'UNBALANCED_TRANSACTION':
      return money('amount')
        ? { title: w.unbalancedTransaction.title, sentence: w.unbalancedTransaction.sentence(str('transactionId'), money('amount')!) }
        : fallback;
    case 'NEGATIVE_ORDER_POSITION':
      return order && money('paid') && money('refunded')
        ? { title: w.negativeOrderPosition.title, sentence: w.negativeOrderPosition.sentence(order, money('paid')!, money('refunded')!) }
        : fallback;
    case 'NEGATIVE_BALANCE':
      return order && money('balance')
        ? {
            title: w.negativeBalance.title,
            sentence: w.negativeBalance.sentence(order, w.account[str('account') ?? ''] ?? str('account'), money('balance')!),
          }
        : fallback;
    case 'OVER_REFUNDED_CHARGE':
      return order && money('captured') && money('refunded')
        ? {
            title: w.overRefundedCharge.title,
            sentence: w.overRefundedCharge.sentence(order, str('chargeId'), money('captured')!, money('refunded')!),
          }
        : fallback;
    case 'CHARGE_MISMATCH':
      return str('chargeId')
        ? { title: w.chargeMismatch.title, sentence: w.chargeMismatch.sentence(str('chargeId')!, side(d.ledger), side(d.provider)) }
        : fallback;
    case 'REFUND_MISMATCH':
      return str('providerRefundId')
        ? {
            title: w.refundMismatch.title,
            sentence: w.refundMismatch.sentence(str('providerRefundId')!, refundSide(d.ledger), refundSide(d.provider)),
          }
        : fallback;
    default:
      return fallback;
  }
}
