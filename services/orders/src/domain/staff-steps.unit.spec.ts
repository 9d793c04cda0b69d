import { describe, expect, it } from 'vitest';
import { orderKinds, orderPaymentPlans } from '@vitrine/contracts';
import { PolicyViolation } from '@vitrine/platform/domain';
import { orderStatuses, transition, type OrderStatus } from './order-status.js';
import { orderSteps, requireStep, staffSteps, stepMoves, stepRefusal, type OrderStep, type OrderStepFacts } from './staff-steps.js';

const day = new Date('2027-03-01T00:00:00Z');

function order(status: OrderStatus, facts: Partial<OrderStepFacts> = {}): OrderStepFacts {
  return {
    status,
    kind: 'IN_STOCK',
    paymentPlan: 'IN_STOCK',
    releasedAt: null,
    arrivedAtWarehouseAt: null,
    shippingDateConfirmedAt: null,
    shippedAt: null,
    outcome: null,
    ...facts,
  };
}

// Every combination of what the steps read, in every status: the list must hold for orders that cannot exist too.
const everyOrder: OrderStepFacts[] = orderStatuses.flatMap((status) =>
  orderKinds.flatMap((kind) =>
    orderPaymentPlans.flatMap((paymentPlan) =>
      [null, day].flatMap((releasedAt) =>
        [null, day].flatMap((shippingDateConfirmedAt) =>
          [null, day].flatMap((shippedAt) =>
            [null, { kind: 'CANCELLED' }].map((outcome) => order(status, { kind, paymentPlan, releasedAt, shippingDateConfirmedAt, shippedAt, outcome })),
          ),
        ),
      ),
    ),
  ),
);

describe('staff steps', () => {
  it('lists, for every order, exactly the steps the mutations let through; each listed one walks the status table', () => {
    expect(everyOrder.length).toBeGreaterThan(1000);
    for (const facts of everyOrder) {
      const listed = staffSteps(facts);
      for (const step of orderSteps) {
        if (listed.includes(step)) {
          expect(() => requireStep(step, facts)).not.toThrow();
          // The moves the use case makes for it are all in the table (transition throws otherwise).
          const end = stepMoves(step, facts).reduce<OrderStatus>((from, to) => transition(from, to), facts.status);
          expect(end).toBe(stepMoves(step, facts).at(-1) ?? facts.status);
        } else {
          expect(() => requireStep(step, facts)).toThrow(PolicyViolation);
        }
      }
    }
  });

  const cases: [string, OrderStepFacts, OrderStep[]][] = [
    ['a pending order', order('PENDING'), ['CANCEL']],
    ['an order waiting for its payment', order('AWAITING_PAYMENT'), ['CANCEL']],
    ['a preorder secured, not released', order('SECURED', { kind: 'PREORDER', paymentPlan: 'DEPOSIT' }), ['CANCEL']],
    ['a preorder secured and released', order('SECURED', { kind: 'PREORDER', paymentPlan: 'DEPOSIT', releasedAt: day }), ['CONFIRM_SHIPPING_DATE', 'CANCEL']],
    [
      'a pay-on-arrival preorder arrived',
      order('SECURED', { kind: 'PREORDER', paymentPlan: 'PAY_ON_ARRIVAL', arrivedAtWarehouseAt: day }),
      ['CONFIRM_SHIPPING_DATE', 'CANCEL'],
    ],
    ['a balance due', order('PAYMENT_DUE', { kind: 'PREORDER', paymentPlan: 'DEPOSIT', releasedAt: day }), ['CANCEL']],
    ['a paid in-stock order', order('READY_TO_FULFIL'), ['CONFIRM_SHIPPING_DATE', 'START_FULFILMENT', 'MARK_SHIPPED', 'CANCEL']],
    ['a paid order with its date fixed', order('READY_TO_FULFIL', { shippingDateConfirmedAt: day }), ['START_FULFILMENT', 'MARK_SHIPPED', 'CANCEL']],
    ['an order being packed', order('IN_FULFILMENT', { shippingDateConfirmedAt: day }), ['MARK_SHIPPED', 'CANCEL']],
    ['a shipped order', order('SHIPPED', { shippedAt: day }), ['MARK_DELIVERED']],
    ['a delivered order', order('DELIVERED', { shippedAt: day }), []],
    ['a completed order', order('COMPLETED', { shippedAt: day }), []],
    ['a rejected order', order('REJECTED'), []],
    ['a cancelled order', order('CANCELLED', { outcome: { kind: 'CANCELLED' } }), []],
    ['an expired order', order('EXPIRED', { outcome: { kind: 'EXPIRED' } }), []],
  ];
  it.each(cases)('%s: %j', (_what, facts, steps) => {
    expect(staffSteps(facts)).toEqual(steps);
  });

  it('refuses each step with the rule its mutation names', () => {
    const rule = (step: OrderStep, facts: OrderStepFacts) => stepRefusal(step, facts)?.details.rule;
    expect(rule('CANCEL', order('CANCELLED', { outcome: { kind: 'CANCELLED' } }))).toBe('ORDER_ENDED');
    expect(rule('CANCEL', order('SHIPPED', { shippedAt: day }))).toBe('ORDER_SHIPPED');
    expect(rule('CANCEL', order('REJECTED'))).toBe('ORDER_STATUS_TRANSITION');
    expect(rule('CONFIRM_SHIPPING_DATE', order('SECURED', { kind: 'PREORDER', paymentPlan: 'DEPOSIT' }))).toBe('NOT_RELEASED');
    expect(rule('CONFIRM_SHIPPING_DATE', order('READY_TO_FULFIL', { shippingDateConfirmedAt: day }))).toBe('SHIPPING_DATE_CONFIRMED');
    expect(rule('CONFIRM_SHIPPING_DATE', order('IN_FULFILMENT'))).toBe('ORDER_STATUS_TRANSITION');
    expect(rule('START_FULFILMENT', order('SECURED'))).toBe('ORDER_STATUS_TRANSITION');
    expect(rule('MARK_DELIVERED', order('IN_FULFILMENT'))).toBe('ORDER_STATUS_TRANSITION');
    expect(() => requireStep('MARK_SHIPPED', order('PAYMENT_DUE'))).toThrow('An order that is payment due cannot become shipped.');
  });

  it('ships a ready order through IN_FULFILMENT, and makes a secured charge-at-ship order pay when its date is fixed', () => {
    expect(stepMoves('MARK_SHIPPED', order('READY_TO_FULFIL'))).toEqual(['IN_FULFILMENT', 'SHIPPED']);
    expect(stepMoves('MARK_SHIPPED', order('IN_FULFILMENT'))).toEqual(['SHIPPED']);
    expect(stepMoves('CONFIRM_SHIPPING_DATE', order('SECURED', { paymentPlan: 'CHARGE_AT_SHIP' }))).toEqual(['PAYMENT_DUE']);
    expect(stepMoves('CONFIRM_SHIPPING_DATE', order('READY_TO_FULFIL', { paymentPlan: 'CHARGE_AT_SHIP' }))).toEqual([]);
  });
});
