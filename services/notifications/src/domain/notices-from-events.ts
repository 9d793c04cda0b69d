import type { Money, Notice, NoticeFacts, NoticeKind } from './notice.js';
import { ruleWords, type EventRule } from './rule-words.js';
import { sendKeyOf } from './notice.js';

/** The envelope fields a notice needs. */
export interface SourceEvent<TData> {
  id: string;
  time: string;
  data: TData;
}

/** One notice of `kind` about `event` for `customerId`, keyed by the event and the customer. */
export const notice = (event: SourceEvent<unknown>, kind: NoticeKind, customerId: string, orderId: string | null, facts: NoticeFacts): Notice => ({
  kind,
  customerId,
  orderId,
  sendKey: sendKeyOf(event.id, customerId),
  facts,
});

export function welcomeNotice(event: SourceEvent<{ customerId: string }>): Notice {
  return notice(event, 'WELCOME', event.data.customerId, null, {});
}

export interface ConfirmedOrder {
  orderId: string;
  customerId: string;
  kind: string;
  paymentPlan: string;
  lines: { productId: string; quantity: number; unitPrice: Money }[];
  goodsTotal: Money;
  shippingEstimate: Money;
  nextPayment: { purpose: string; amount: Money; dueAt: string | null } | null;
}

export function orderConfirmedNotice(event: SourceEvent<ConfirmedOrder>): Notice {
  const { orderId, customerId, ...facts } = event.data;
  return notice(event, 'ORDER_CONFIRMED', customerId, orderId, facts);
}

export interface DueAnnounced {
  dueId: string;
  orderId: string;
  customerId: string;
  purpose: string;
  amount: Money;
  dueAt: string | null;
  collect: 'CUSTOMER' | 'STORED_METHOD';
}

/**
 * A due with a deadline is a notice with a pay-now link (at order within the
 * policy's time, balance, arrival, extra shipping); one the store charges
 * itself says so. A due without a deadline (paid there and then) gets none.
 */
export function paymentDueNotice(event: SourceEvent<DueAnnounced>): Notice | null {
  const { orderId, customerId, dueId, purpose, amount, dueAt, collect } = event.data;
  if (collect === 'STORED_METHOD') return notice(event, 'CARD_CHARGE_SCHEDULED', customerId, orderId, { dueId, purpose, amount });
  if (dueAt === null) return null;
  return notice(event, 'PAYMENT_DUE', customerId, orderId, { dueId, purpose, amount, dueAt });
}

export interface PaymentFailure {
  customerId: string;
  purpose: string;
  amount: Money;
  dues: { orderId: string; dueId: string }[];
  reason: string;
}

export function paymentFailedNotice(event: SourceEvent<PaymentFailure>): Notice {
  const { customerId, purpose, amount, dues, reason } = event.data;
  return notice(event, 'PAYMENT_FAILED', customerId, dues[0]?.orderId ?? null, { purpose, amount, reason, orderIds: dues.map((d) => d.orderId) });
}

export interface OrderEnded {
  orderId: string;
  customerId: string;
  refund: Money;
  rule: EventRule;
  fee?: Money;
  kept?: Money;
  by?: string;
}

export function orderCancelledNotice(event: SourceEvent<OrderEnded & { fee: Money; by: string }>): Notice {
  const { orderId, customerId, fee, refund, rule, by } = event.data;
  return notice(event, 'ORDER_CANCELLED', customerId, orderId, { fee, refund, rule: ruleWords(rule), by });
}

export function orderExpiredNotice(event: SourceEvent<OrderEnded & { kept: Money }>): Notice {
  const { orderId, customerId, kept, refund, rule } = event.data;
  return notice(event, 'ORDER_EXPIRED', customerId, orderId, { kept, refund, rule: ruleWords(rule) });
}

export interface CancellationOffer {
  orderId: string;
  customerId: string;
  productId: string;
  reason: 'SPEC_CHANGE' | 'RELEASE_DATE_CHANGE';
  closesAt: string;
  refund: Money;
  rule: EventRule;
}

export function cancellationOfferedNotice(event: SourceEvent<CancellationOffer>): Notice {
  const { orderId, customerId, productId, reason, closesAt, refund, rule } = event.data;
  return notice(event, 'CANCELLATION_OFFERED', customerId, orderId, { productId, reason, closesAt, refund, rule: ruleWords(rule) });
}

export interface RefundMade {
  refundId: string;
  orderId: string;
  customerId: string;
  amount: Money;
  reason: string;
}

export function refundIssuedNotice(event: SourceEvent<RefundMade>): Notice {
  const { refundId, orderId, customerId, amount, reason } = event.data;
  return notice(event, 'REFUND_ISSUED', customerId, orderId, { refundId, amount, reason });
}

/** Statuses the customer hears about through a status change (the others have notices of their own). */
const statusNotices: Readonly<Record<string, NoticeKind>> = { SHIPPED: 'ORDER_SHIPPED', DELIVERED: 'ORDER_DELIVERED' };

/** What notifications knows of an order when its status changes: whose it is, and the logistics shipment carrying it. */
export interface OrderKnown {
  customerId: string | null;
  shipmentId: string | null;
}

/**
 * SHIPPED and DELIVERED are told to the order's customer. An order that a
 * logistics shipment carries is told SHIPPED by that shipment's dispatch
 * (SHIPMENT_DISPATCHED, with the carrier and tracking number), so its status
 * change sends nothing more: one email for one parcel leaving.
 */
export function statusChangeNotice(event: SourceEvent<{ orderId: string; to: string }>, order: OrderKnown | null): Notice | null {
  const kind = statusNotices[event.data.to];
  if (!kind || !order?.customerId) return null;
  if (kind === 'ORDER_SHIPPED' && order.shipmentId) return null;
  return notice(event, kind, order.customerId, event.data.orderId, {});
}

export function isNotifiedStatus(status: string): boolean {
  return status in statusNotices;
}

/** An open preorder of a product: who placed it. */
export interface OpenOrder {
  orderId: string;
  customerId: string;
}

/**
 * A product event told to everyone with an open order of it: one message per
 * customer (however many orders they hold), listing their orders.
 */
export function productNotices(
  event: SourceEvent<{ productId: string }>,
  kind: Extract<NoticeKind, 'RELEASE_DATE_CHANGED' | 'SPEC_CHANGED' | 'PRODUCT_ARRIVED'>,
  facts: NoticeFacts,
  openOrders: readonly OpenOrder[],
): Notice[] {
  const byCustomer = new Map<string, string[]>();
  for (const { orderId, customerId } of openOrders) byCustomer.set(customerId, [...(byCustomer.get(customerId) ?? []), orderId]);
  return [...byCustomer].map(([customerId, orderIds]) =>
    notice(event, kind, customerId, orderIds.length === 1 ? orderIds[0]! : null, { productId: event.data.productId, orderIds: orderIds.sort(), ...facts }),
  );
}
