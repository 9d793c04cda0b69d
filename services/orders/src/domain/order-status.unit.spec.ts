import { describe, expect, it } from 'vitest';
import { PolicyViolation } from '@vitrine/platform';
import { canTransition, orderStatuses, transition } from './order-status.js';

describe('order status', () => {
  it('a pending order is confirmed or rejected', () => {
    expect(transition('PENDING', 'CONFIRMED')).toBe('CONFIRMED');
    expect(transition('PENDING', 'REJECTED')).toBe('REJECTED');
  });

  it('final states never change', () => {
    for (const from of ['CONFIRMED', 'REJECTED'] as const) {
      for (const to of orderStatuses) {
        expect(canTransition(from, to)).toBe(false);
        expect(() => transition(from, to)).toThrow(PolicyViolation);
      }
    }
  });
});
