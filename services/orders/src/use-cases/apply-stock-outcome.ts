import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { orderConfirmedV1 } from '@vitrine/contracts';
import { changeOf, NotFound, OutboxMessage, rowsOf, scheduleTimers, writeRows, type OutboxRow, type SetUseCase, type TimerToSchedule } from '@vitrine/platform';
import { payAtOrderDueAt } from '@vitrine/policy';
import { transition, type OrderStatus } from '../domain/order-status.js';
import { orders } from '../identity.js';
import { OrderDue, type OrderDueFields } from '../store/order-due.entity.js';
import { Order, type OrderFields } from '../store/order.entity.js';
import { paymentDeadlineTimer, paymentDue, statusChanged } from './order-life.js';
import { lockOrders, type OrderRead } from './read-orders.js';
import { policyVersion } from './store-policies.js';

/**
 * Moves an order on when catalog answers its stock request. Held: what
 * checkout decided is due at order is announced (PaymentDue, with the
 * policy's deadline), or a preorder with nothing due now is SECURED; the
 * order is confirmed (OrderConfirmed). Refused: REJECTED. An answer for an
 * order that is no longer PENDING (cancelled meanwhile) is ignored: catalog
 * sees the cancellation after its reservation, on the same order-keyed
 * topic, and releases the units.
 */
export type StockOutcome = { orderId: string; held: true } | { orderId: string; held: false; reason: string };

/** A batch's orders as read (locked), and what its answers change, written together once every answer is applied. */
interface StockAnswers {
  orders: Map<
    string,
    { order: Omit<OrderFields, 'status' | 'statusReason'> & { status: OrderStatus; statusReason?: string | null }; lines: OrderRead['lines'] }
  >;
  changed: Set<string>;
  dues: (Omit<OrderDueFields, 'createdAt' | 'paidAt' | 'paymentId' | 'lastFailure'> & { order: string })[];
  events: OutboxRow[];
  timers: TimerToSchedule[];
}

/**
 * Catalog answers in batches when orders falls behind (a drop day's
 * backlog): the orders of a whole batch are locked and read in one statement
 * (in id order, so two batches never wait on each other crosswise), each
 * answer moves its order as one answer alone would (a second answer for an
 * order sees the first one's move), and the batch's changes, dues and events
 * are written in one statement as plain rows, the deadlines in one more.
 */
export const applyStockOutcomes: SetUseCase<StockOutcome, StockAnswers> = {
  async load(outcomes, em) {
    const ids = [...new Set(outcomes.map((o) => o.orderId))];
    const found = await lockOrders(em, ids);
    // An answer for an order orders never stored is a fault to retry and park, not to skip.
    const missing = ids.find((id) => !found.some((o) => o.order.id === id));
    if (missing) throw new NotFound('Order', missing);
    return {
      orders: new Map(found.map(({ order, lines }) => [order.id, { order: { ...order }, lines }])),
      changed: new Set(),
      dues: [],
      events: [],
      timers: [],
    };
  },
  apply: (outcome, answers, em) => applyStockOutcome(em, answers, outcome),
  async save(answers, em) {
    if (answers.changed.size === 0) return;
    await writeRows(em, [
      ...[...answers.changed].map((id) => {
        const { status, statusReason } = answers.orders.get(id)!.order;
        return changeOf(Order, id, { status, statusReason });
      }),
      rowsOf(OrderDue, answers.dues),
      rowsOf(OutboxMessage, answers.events),
    ]);
    if (answers.timers.length > 0) await scheduleTimers(em, answers.timers);
  },
};

async function applyStockOutcome(em: EntityManager, answers: StockAnswers, outcome: StockOutcome): Promise<void> {
  const { order, lines } = answers.orders.get(outcome.orderId)!;
  if (order.status !== 'PENDING') return;
  const move = (to: OrderStatus, reason?: string) => {
    const from = order.status;
    order.status = transition(from, to);
    order.statusReason = reason ?? null;
    answers.changed.add(order.id);
    answers.events.push(orders.outboxRow(statusChanged(order, from, to, reason)));
  };
  if (!outcome.held) return move('REJECTED', outcome.reason);
  const policy = await policyVersion(em, order.policyVersion);
  const atOrder = order.payAtOrder;
  let nextPayment = null;
  if (atOrder) {
    const deadline = payAtOrderDueAt(policy, order.placedAt);
    const due = {
      id: randomUUID(),
      order: order.id,
      purpose: atOrder.purpose,
      goodsAmount: atOrder.goods,
      shippingAmount: atOrder.shipping,
      dueAt: deadline.at,
      collect: 'CUSTOMER' as const,
      status: 'OPEN' as const,
      ruleText: deadline.rule.text,
    };
    answers.dues.push(due);
    answers.events.push(orders.outboxRow(paymentDue(order, due)));
    answers.timers.push({ kind: paymentDeadlineTimer, key: due.id, dueAt: deadline.at, payload: { orderId: order.id } });
    nextPayment = {
      purpose: atOrder.purpose,
      amount: { amount: atOrder.goods + atOrder.shipping, currency: order.currency },
      dueAt: deadline.at.toISOString(),
    };
    move('AWAITING_PAYMENT');
  } else {
    move('SECURED');
  }
  const money = (amount: number) => ({ amount, currency: order.currency });
  answers.events.push(
    orders.outboxRow({
      definition: orderConfirmedV1,
      subject: order.id,
      data: {
        orderId: order.id,
        customerId: order.customerId,
        kind: order.kind,
        paymentPlan: order.paymentPlan,
        policyVersion: order.policyVersion,
        lines: lines.map((l) => ({ productId: l.productId, quantity: l.quantity, unitPrice: money(l.unitPriceAmount) })),
        goodsTotal: money(order.totalAmount),
        shippingEstimate: money(order.shippingEstimateAmount),
        nextPayment,
      },
    }),
  );
}
