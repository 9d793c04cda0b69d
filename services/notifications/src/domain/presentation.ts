import { presentAccount } from './account-presentation.js';
import { presentClaim } from './claim-presentation.js';
import { formatDate, formatDeadline, formatMoney, shortReference } from './formatting.js';
import type { Language } from './languages.js';
import { isMoney, type Money, type NoticeFacts } from './notice.js';
import { ruleSentence } from './rule-words.js';
import { presentShipment } from './shipment-presentation.js';

/** What presenting a notice needs besides its facts: names and links the service knows. */
export interface PresentationContext {
  language: Language;
  customerName: string;
  orderId: string | null;
  /** Product names by id (catalog's); a product not known yet is shown by its reference. */
  productNames: Readonly<Record<string, string>>;
  /** The storefront's base URL (no trailing slash). */
  storefrontUrl: string;
}

const labels = {
  en: {
    purpose: {
      DEPOSIT: 'deposit',
      FULL_PAYMENT: 'full payment',
      DOWN_PAYMENT: 'non-refundable down payment',
      BALANCE: 'balance',
      ARRIVAL_PAYMENT: 'payment on arrival',
      CHARGE_AT_SHIP: 'payment at shipping',
      EXTRA_SHIPPING: 'additional shipping',
    },
    product: 'Product',
  },
  fr: {
    purpose: {
      DEPOSIT: 'acompte',
      FULL_PAYMENT: 'paiement intégral',
      DOWN_PAYMENT: 'versement initial non remboursable',
      BALANCE: 'solde',
      ARRIVAL_PAYMENT: "paiement à l'arrivée",
      CHARGE_AT_SHIP: "paiement à l'expédition",
      EXTRA_SHIPPING: 'frais de port complémentaires',
    },
    product: 'Produit',
  },
} as const satisfies Record<Language, unknown>;

/** An order's short reference, as the storefront shows it. */
export const orderReference = shortReference;

/**
 * Turns a notice's facts into the strings its template prints: money in the
 * customer's language and the amount's currency, dates on the store's
 * calendar, products by name, links to the storefront; a parcel's and a
 * claim's facts by shipment-presentation.ts and claim-presentation.ts,
 * an account message's link by account-presentation.ts.
 * Pure: same facts, same words.
 */
export function present(facts: NoticeFacts, ctx: PresentationContext): Record<string, unknown> {
  const { language } = ctx;
  const money = (key: string) => (isMoney(facts[key]) ? formatMoney(facts[key], language) : '');
  const text = (key: string) => (typeof facts[key] === 'string' ? facts[key] : '');
  const productName = (id: string) => ctx.productNames[id] ?? `${labels[language].product} ${id.slice(0, 8).toUpperCase()}`;
  const orderIds = Array.isArray(facts.orderIds) ? (facts.orderIds as string[]) : ctx.orderId ? [ctx.orderId] : [];
  const purpose = text('purpose') as keyof (typeof labels)['en']['purpose'];
  const lines = Array.isArray(facts.lines) ? (facts.lines as { productId: string; quantity: number; unitPrice: Money }[]) : [];
  const nextPayment = facts.nextPayment as { purpose: keyof (typeof labels)['en']['purpose']; amount: Money; dueAt: string | null } | null | undefined;
  const dueId = text('dueId');
  return {
    ...presentShipment(facts, language),
    ...presentClaim(facts, language),
    ...presentAccount(facts, language, ctx.storefrontUrl),
    name: ctx.customerName,
    manyOrders: orderIds.length > 1,
    orderRef: ctx.orderId ? orderReference(ctx.orderId) : orderIds.map(orderReference).join(', '),
    orderRefs: orderIds.map(orderReference).join(', '),
    orderUrl: ctx.orderId ? `${ctx.storefrontUrl}/orders/${ctx.orderId}` : `${ctx.storefrontUrl}/orders`,
    // Where the customer answers about a claim: chooses among its offers, adds files.
    claimUrl:
      ctx.orderId && typeof facts.claimId === 'string' ? `${ctx.storefrontUrl}/orders/${ctx.orderId}/claims/${facts.claimId}` : `${ctx.storefrontUrl}/orders`,
    payUrl: ctx.orderId ? `${ctx.storefrontUrl}/orders/${ctx.orderId}/pay${dueId ? `?due=${dueId}` : ''}` : `${ctx.storefrontUrl}/orders`,
    amount: money('amount'),
    fee: money('fee'),
    kept: money('kept'),
    refund: money('refund'),
    total: money('goodsTotal'),
    shipping: money('shippingEstimate'),
    hasRefund: isMoney(facts.refund) && facts.refund.amount > 0,
    hasFee: (isMoney(facts.fee) && facts.fee.amount > 0) || (isMoney(facts.kept) && facts.kept.amount > 0),
    purpose: labels[language].purpose[purpose] ?? purpose,
    dueAt: typeof facts.dueAt === 'string' ? formatDeadline(facts.dueAt, language) : '',
    closesAt: typeof facts.closesAt === 'string' ? formatDeadline(facts.closesAt, language) : '',
    arrivedAt: typeof facts.arrivedAt === 'string' ? formatDate(facts.arrivedAt, language) : '',
    rule: ruleSentence(facts.rule, language),
    reason: text('reason'),
    description: text('description'),
    oldEstimate: text('oldEstimate'),
    newEstimate: text('newEstimate'),
    product: typeof facts.productId === 'string' ? productName(facts.productId) : '',
    changes: Array.isArray(facts.changes)
      ? (facts.changes as { field: string; from: string | null; to: string | null }[]).map((c) => ({
          label: c.field,
          value: `${c.from ?? '-'} → ${c.to ?? '-'}`,
        }))
      : [],
    lines: lines.map((l) => ({
      label: `${l.quantity} × ${productName(l.productId)}`,
      value: formatMoney({ ...l.unitPrice, amount: l.unitPrice.amount * l.quantity }, language),
    })),
    nextPayment: nextPayment
      ? {
          purpose: labels[language].purpose[nextPayment.purpose] ?? nextPayment.purpose,
          amount: formatMoney(nextPayment.amount, language),
          dueAt: nextPayment.dueAt ? formatDeadline(nextPayment.dueAt, language) : '',
        }
      : null,
  };
}
