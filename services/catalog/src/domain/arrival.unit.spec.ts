import { describe, expect, it } from 'vitest';
import { decideArrival, type WaitingPreorder } from './arrival.js';

const waiting = (id: string, quantity: number, minute: number): WaitingPreorder => ({
  id,
  orderId: `order-${id}`,
  quantity,
  reservedAt: new Date(Date.UTC(2026, 0, 1, 0, minute)),
});

describe('decideArrival', () => {
  it('given preorders waiting, when fewer units arrive than they hold, serves the oldest first and splits the one that does not fit', () => {
    const decision = decideArrival([waiting('b', 2, 2), waiting('a', 3, 1), waiting('c', 1, 3)], 4);
    expect(decision.moves).toEqual([
      { reservationId: 'a', orderId: 'order-a', quantity: 3, split: false },
      { reservationId: 'b', orderId: 'order-b', quantity: 1, split: true },
    ]);
    expect(decision).toMatchObject({ moved: 4, surplus: 0 });
  });

  it('given preorders waiting, when more units arrive than they hold, moves them all and leaves the rest sellable', () => {
    expect(decideArrival([waiting('a', 2, 1), waiting('b', 1, 2)], 5)).toEqual({
      moves: [
        { reservationId: 'a', orderId: 'order-a', quantity: 2, split: false },
        { reservationId: 'b', orderId: 'order-b', quantity: 1, split: false },
      ],
      moved: 3,
      surplus: 2,
    });
  });

  it('given reservations made at the same time, breaks the tie by id so the choice is deterministic', () => {
    expect(decideArrival([waiting('z', 1, 1), waiting('m', 1, 1)], 1).moves.map((m) => m.reservationId)).toEqual(['m']);
  });

  it('given nobody waiting, leaves every arrived unit sellable', () => {
    expect(decideArrival([], 3)).toEqual({ moves: [], moved: 0, surplus: 3 });
  });
});
