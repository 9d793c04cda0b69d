import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { orderStatusChangedV1, paymentDueV1, readyToFulfilV1, type PaymentPurpose } from '@vitrine/contracts';
import { cancelTimer, scheduleTimer, type ServiceEvent } from '@vitrine/platform';
import { transition, type OrderStatus } from '../domain/order-status.js';
import { orders } from '../identity.js';
import { OrderDue, type OrderDueFields } from '../store/order-due.entity.js';
import type { Order, OrderFields } from '../store/order.entity.js';

/** The durable deadline of a due: fired by the scheduler, it ends an order still unpaid. */
export const paymentDeadlineTimer = 'payment-deadline';

/** Moves an order through the status table and announces it (OrderStatusChanged), in the caller's transaction. */
export function moveOrder(em: EntityManager, order: Order, to: OrderStatus, reason?: string): void {
  const from = order.status;
  order.status = transition(from, to);
  order.statusReason = reason ?? null;
  orders.recordEvent(em, statusChanged(order, from, to, reason));
  if (to === 'READY_TO_FULFIL') {
    orders.recordEvent(em, {
      definition: readyToFulfilV1,
      subject: order.id,
      data: {
        orderId: order.id,
        customerId: order.customerId,
        lines: order.lines.getItems().map((l) => ({ productId: l.productId, quantity: l.quantity })),
        shippingAddress: order.shippingAddress ?? null,
        shippingMethod: order.shippingMethod ?? null,
        shippingPaid: { amount: paidShipping(order), currency: order.currency },
      },
    });
  }
}

/** OrderStatusChanged for an order that moved `from` -> `to` (its fields as they are after the move). */
export function statusChanged(
  order: Pick<OrderFields, 'id' | 'deliveredAt'>,
  from: OrderStatus,
  to: OrderStatus,
  reason?: string,
): ServiceEvent<typeof orderStatusChangedV1> {
  return {
    definition: orderStatusChangedV1,
    subject: order.id,
    data: {
      orderId: order.id,
      from,
      to,
      ...(reason && { reason }),
      ...(to === 'DELIVERED' && order.deliveredAt && { deliveredAt: order.deliveredAt.toISOString() }),
    },
  };
}

/** Shipping paid, or held on the card and taken at dispatch (logistics compares the final cost with it). */
function paidShipping(order: Order): number {
  return order.dues
    .getItems()
    .filter((d) => d.status === 'PAID' || d.status === 'HELD')
    .reduce((sum, d) => sum + d.shippingAmount, 0);
}

export interface NewDue {
  purpose: PaymentPurpose;
  goods: number;
  shipping: number;
  /** Store clock; null: due at once / charged by payments itself. */
  dueAt: Date | null;
  collect: 'CUSTOMER' | 'STORED_METHOD';
  ruleText: string | null;
  /** STORED_METHOD: taken at once, or held and taken at dispatch (the order's policy). */
  capture?: 'AUTOMATIC' | 'AT_DISPATCH';
}

/** Opens a due on the order (the order's dues must be loaded), tells payments (PaymentDue) and arms its deadline. */
export async function openDue(em: EntityManager, order: Order, due: NewDue): Promise<OrderDue> {
  const row = em.create(OrderDue, {
    id: randomUUID(),
    order,
    purpose: due.purpose,
    goodsAmount: due.goods,
    shippingAmount: due.shipping,
    dueAt: due.dueAt,
    collect: due.collect,
    status: 'OPEN',
    ruleText: due.ruleText,
  });
  order.dues.add(row);
  em.persist(row);
  announceDue(em, order, row, due.capture);
  if (due.dueAt) await scheduleTimer(em, { kind: paymentDeadlineTimer, key: row.id, dueAt: due.dueAt, payload: { orderId: order.id } });
  return row;
}

/** PaymentDue for a due as it stands (payments keeps the latest announcement of each due). */
export function announceDue(em: EntityManager, order: Order, due: OrderDue, capture?: 'AUTOMATIC' | 'AT_DISPATCH'): void {
  orders.recordEvent(em, paymentDue(order, due, capture));
}

/** The PaymentDue event of a due of `order` (plain fields, or the entities). */
export function paymentDue(
  order: Pick<OrderFields, 'id' | 'customerId' | 'currency' | 'paymentMethodId'>,
  due: Pick<OrderDueFields, 'id' | 'purpose' | 'goodsAmount' | 'shippingAmount' | 'dueAt' | 'collect'>,
  capture?: 'AUTOMATIC' | 'AT_DISPATCH',
): ServiceEvent<typeof paymentDueV1> {
  const money = (amount: number) => ({ amount, currency: order.currency });
  return {
    definition: paymentDueV1,
    subject: order.id,
    data: {
      dueId: due.id,
      orderId: order.id,
      customerId: order.customerId,
      purpose: due.purpose,
      amount: money(due.goodsAmount + due.shippingAmount),
      goods: money(due.goodsAmount),
      shipping: money(due.shippingAmount),
      dueAt: due.dueAt?.toISOString() ?? null,
      collect: due.collect,
      paymentMethodId: due.collect === 'STORED_METHOD' ? (order.paymentMethodId ?? null) : null,
      ...(due.collect === 'STORED_METHOD' && capture && { capture }),
    },
  };
}

/** An ended order owes nothing more: its open dues become void (a held amount is released) and their deadlines are called off. */
export async function voidOpenDues(em: EntityManager, order: Order): Promise<void> {
  for (const due of order.dues.getItems()) {
    if (due.status !== 'OPEN' && due.status !== 'HELD') continue;
    due.status = 'VOID';
    await cancelTimer(em, paymentDeadlineTimer, due.id);
  }
}

export function openDues(order: Order): OrderDue[] {
  return order.dues.getItems().filter((d) => d.status === 'OPEN');
}
