import { describe, expect, it } from 'vitest';
import { tallyFanOut, type ProducedEvent, type Receipt } from './fan-out-tally.js';

const types = ['orders.order.status-changed', 'orders.order.confirmed'];
// Order A's two events (status change first, as orders stages them), then order B's.
const produced: ProducedEvent[] = [
  { id: 'a1', type: types[0]!, subject: 'A', seq: 10 },
  { id: 'a2', type: types[1]!, subject: 'A', seq: 11 },
  { id: 'b1', type: types[0]!, subject: 'B', seq: 12 },
];
const time = 1_000_000;
const receipt = (partner: number, id: string, receivedAfter: number, extra: Partial<Receipt> = {}): Receipt => {
  const event = produced.find((e) => e.id === id);
  return { partner, eventId: id, type: event?.type ?? types[0]!, subject: event?.subject ?? 'X', eventTime: time, receivedAt: time + receivedAfter, ...extra };
};

describe('tallyFanOut', () => {
  it('counts every (partner, event) once and gives the delays from the event time to the first receipt', () => {
    const receipts = [
      receipt(0, 'a1', 100),
      receipt(1, 'a1', 120),
      receipt(0, 'a2', 200),
      receipt(1, 'a2', 250),
      receipt(0, 'b1', 300),
      receipt(1, 'b1', 400),
      // A retry after a lost answer: counted as a duplicate, not as a second delivery or delay.
      receipt(1, 'b1', 9_000),
    ];
    const t = tallyFanOut(receipts, produced, 2, types);
    expect(t).toMatchObject({ produced: 3, expected: 6, received: 6, missing: 0, duplicates: 1, outOfOrder: 0, unsubscribedType: 0, other: 0 });
    expect(t.producedByType).toEqual({ [types[0]!]: 2, [types[1]!]: 1 });
    expect([...t.delays]).toEqual([100, 120, 200, 250, 300, 400]);
    expect(t).toMatchObject({ p50: 200, p99: 400, max: 400, firstReceivedAt: time + 100, lastReceivedAt: time + 400 });
  });

  it("finds a subject's later event arriving before an earlier one, per partner", () => {
    const receipts = [
      receipt(0, 'a2', 100),
      receipt(0, 'a1', 150), // partner 0 saw A's events out of order
      receipt(1, 'a1', 100),
      receipt(1, 'b1', 110), // another subject in between is fine
      receipt(1, 'a2', 120),
      receipt(0, 'b1', 130),
    ];
    expect(tallyFanOut(receipts, produced, 2, types).outOfOrder).toBe(1);
  });

  it('names what is missing and sets apart other events and unsubscribed types', () => {
    const receipts = [
      receipt(0, 'a1', 100),
      receipt(0, 'zz', 100, { subject: 'Z' }),
      receipt(0, 'a2', 100, { type: 'orders.order.placed' }),
      receipt(1, 'b1', 100),
    ];
    const t = tallyFanOut(receipts, produced, 2, types);
    expect(t).toMatchObject({ expected: 6, received: 2, missing: 4, other: 1, unsubscribedType: 1 });
    expect(t.missingExamples).toEqual([`partner 0 ${types[1]} A`, `partner 0 ${types[0]} B`, `partner 1 ${types[0]} A`, `partner 1 ${types[1]} A`]);
  });

  it('has no delays or receipt times when nothing arrived', () => {
    const t = tallyFanOut([], produced, 10, types);
    expect(t).toMatchObject({ expected: 30, received: 0, missing: 30 });
    expect(t.p99).toBeNaN();
    expect(t.firstReceivedAt).toBeNaN();
    expect(t.missingExamples).toHaveLength(5);
  });
});
