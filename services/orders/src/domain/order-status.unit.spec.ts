import { describe, expect, it } from 'vitest';
import { PolicyViolation } from '@vitrine/platform/domain';
import { canTransition, orderStatuses, transition } from './order-status.js';

describe('order status', () => {
  it('a pending order is confirmed or rejected', () => {
    expect(transition('PENDING', 'CONFIRMED')).toBe('CONFIRMED');
    expect(transition('PENDING', 'REJECTED')).toBe('REJECTED');
  });

  it('a pending or confirmed order can be cancelled, a rejected one cannot', () => {
    expect(transition('PENDING', 'CANCELLED')).toBe('CANCELLED');
    expect(transition('CONFIRMED', 'CANCELLED')).toBe('CANCELLED');
    expect(canTransition('REJECTED', 'CANCELLED')).toBe(false);
  });

  it('a confirmed order moves on only by cancellation', () => {
    expect(orderStatuses.filter((to) => canTransition('CONFIRMED', to))).toEqual(['CANCELLED']);
  });

  it('final states never change', () => {
    for (const from of ['REJECTED', 'CANCELLED'] as const) {
      for (const to of orderStatuses) {
        expect(canTransition(from, to)).toBe(false);
        expect(() => transition(from, to)).toThrow(PolicyViolation);
      }
    }
  });
});
