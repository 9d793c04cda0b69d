import { describe, expect, it } from 'vitest';
import { isDeliveryLogPosition, isMessageLogPosition } from './log-cursors.js';
import { partnerEventTypeList } from './partner-event-types.js';
import { partnerEventTypes } from './partners.js';

describe('delivery log cursors', () => {
  it('take a positive seq as text', () => {
    expect(isDeliveryLogPosition({ seq: '1' })).toBe(true);
    expect(isDeliveryLogPosition({ seq: '999999999999999999' })).toBe(true);
  });

  it('refuse anything the database could not compare with a bigint, or extra keys', () => {
    for (const bad of [
      { seq: 1 },
      { seq: '0' },
      { seq: '-1' },
      { seq: '01' },
      { seq: '1e3' },
      { seq: '9999999999999999999' },
      { seq: '1', x: 1 },
      ['1'],
      null,
      'x',
    ])
      expect(isDeliveryLogPosition(bad), JSON.stringify(bad)).toBe(false);
  });
});

describe('message log cursors', () => {
  const id = '0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b';

  it('take an ISO instant to the millisecond and a uuid', () => {
    expect(isMessageLogPosition({ at: '2026-12-05T09:30:00.123Z', id })).toBe(true);
  });

  it('refuse other times, ids or shapes', () => {
    for (const bad of [
      { at: '2026-12-05T09:30:00Z', id },
      { at: '2026-02-31T00:00:00.000Z', id },
      { at: '2026-12-05 09:30:00.123+00', id },
      { at: '2026-12-05T09:30:00.123Z', id: 'not-a-uuid' },
      { at: '2026-12-05T09:30:00.123Z' },
      { at: '2026-12-05T09:30:00.123Z', id, seq: '1' },
      { seq: '1' },
    ])
      expect(isMessageLogPosition(bad), JSON.stringify(bad)).toBe(false);
  });
});

describe('partner event types', () => {
  it('lists every type a partner may be granted, each described', () => {
    const list = partnerEventTypeList();
    expect(list.map((t) => t.type)).toEqual([...partnerEventTypes]);
    for (const t of list) expect(t.description.length).toBeGreaterThan(10);
  });

  it('describes each in French too, in the same order, each differently from its English', () => {
    const english = partnerEventTypeList('en');
    const french = partnerEventTypeList('fr');
    expect(french.map((t) => t.type)).toEqual(english.map((t) => t.type));
    for (const [i, t] of french.entries()) expect(t.description).not.toBe(english[i]!.description);
    expect(french.find((t) => t.type === 'aftersales.return.received')?.description).toBe('Un article retourné a été reçu.');
  });
});
