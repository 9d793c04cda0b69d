import { describe, expect, it } from 'vitest';
import { PolicyViolation } from '@vitrine/platform/domain';
import { canTransition, endedOrderStatuses, orderStatuses, transition, type OrderStatus } from './order-status.js';

// The whole table, pair by pair: what is not listed here is refused.
const allowed: Record<OrderStatus, OrderStatus[]> = {
  PENDING: ['REJECTED', 'AWAITING_PAYMENT', 'SECURED', 'CANCELLED'],
  AWAITING_PAYMENT: ['SECURED', 'READY_TO_FULFIL', 'CANCELLED', 'EXPIRED'],
  SECURED: ['PAYMENT_DUE', 'READY_TO_FULFIL', 'CANCELLED'],
  PAYMENT_DUE: ['READY_TO_FULFIL', 'CANCELLED', 'EXPIRED'],
  READY_TO_FULFIL: ['IN_FULFILMENT', 'CANCELLED'],
  IN_FULFILMENT: ['SHIPPED', 'CANCELLED'],
  SHIPPED: ['DELIVERED', 'CANCELLED'],
  DELIVERED: ['COMPLETED'],
  COMPLETED: [],
  REJECTED: [],
  CANCELLED: [],
  EXPIRED: [],
};

describe('order status', () => {
  it.each(orderStatuses.flatMap((from) => orderStatuses.map((to) => [from, to] as const)))('%s -> %s', (from, to) => {
    const ok = allowed[from].includes(to);
    expect(canTransition(from, to)).toBe(ok);
    if (ok) expect(transition(from, to)).toBe(to);
    else expect(() => transition(from, to)).toThrow(PolicyViolation);
  });

  it('says which move was refused, in words', () => {
    expect(() => transition('EXPIRED', 'READY_TO_FULFIL')).toThrow('An order that is expired cannot become ready to fulfil.');
  });

  it('ended orders never move again', () => {
    for (const from of endedOrderStatuses) expect(orderStatuses.filter((to) => canTransition(from, to))).toEqual([]);
  });
});
