import { describe, expect, it } from 'vitest';
import { isQueuePosition } from './queue-cursor.js';

describe('shipment queue cursors', () => {
  const id = '0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b';

  it('take an ISO instant to the millisecond and a uuid', () => {
    expect(isQueuePosition({ at: '2026-12-05T09:30:00.123Z', id })).toBe(true);
  });

  it('refuse other times, ids or shapes', () => {
    for (const bad of [
      { at: '2026-12-05T09:30:00Z', id },
      { at: '2026-02-31T00:00:00.000Z', id },
      { at: 1733390000000, id },
      { at: '2026-12-05T09:30:00.123Z', id: 'nope' },
      { at: '2026-12-05T09:30:00.123Z', id, extra: 1 },
      [id],
      null,
      'cursor',
    ])
      expect(isQueuePosition(bad), JSON.stringify(bad)).toBe(false);
  });
});
