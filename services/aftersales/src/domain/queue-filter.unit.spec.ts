import { describe, expect, it } from 'vitest';
import { checkQueueRequest, maxQueueOffset } from './queue-filter.js';

const fields = { statuses: 'filter.statuses', from: 'filter.submittedAfter', to: 'filter.submittedBefore' };
const request = (over: Partial<Parameters<typeof checkQueueRequest>[0]> = {}) =>
  checkQueueRequest({ statuses: null, from: null, to: null, offset: 0, fields, ...over });

describe("a staff queue's filter and page", () => {
  it('takes no filter, or a coherent one', () => {
    expect(request()).toEqual([]);
    const day = new Date('2026-12-01T00:00:00Z');
    expect(request({ statuses: ['SUBMITTED'], from: day, to: day, offset: maxQueueOffset })).toEqual([]);
  });

  it('refuses an empty status list, an age range that ends before it starts and an offset out of range, all at once', () => {
    expect(
      request({ statuses: [], from: new Date('2026-12-02T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z'), offset: maxQueueOffset + 1 }).map(
        (p) => `${p.field}:${p.reason}`,
      ),
    ).toEqual(['filter.statuses:REQUIRED', 'filter.submittedAfter:EMPTY_RANGE', 'offset:OUT_OF_RANGE']);
    expect(request({ offset: -1 })).toMatchObject([{ field: 'offset', reason: 'OUT_OF_RANGE' }]);
  });
});
