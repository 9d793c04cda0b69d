import { describe, expect, it } from 'vitest';
import { servedByArrival } from './arrival-allocation.js';

const at = (day: number) => new Date(Date.UTC(2026, 0, day));

describe('servedByArrival', () => {
  const waiting = [
    { orderId: 'c', placedAt: at(3), quantity: 1 },
    { orderId: 'a', placedAt: at(1), quantity: 2 },
    { orderId: 'b', placedAt: at(2), quantity: 3 },
  ];

  it('serves whole orders, oldest first', () => {
    expect(servedByArrival(waiting, 5)).toEqual(['a', 'b']);
    expect(servedByArrival(waiting, 6)).toEqual(['a', 'b', 'c']);
  });

  it('an order that does not fit waits, and a younger one is not served ahead of it', () => {
    expect(servedByArrival(waiting, 4)).toEqual(['a']);
    expect(servedByArrival(waiting, 1)).toEqual([]);
  });
});
