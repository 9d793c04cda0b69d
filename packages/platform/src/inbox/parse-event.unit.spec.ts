import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { orderPlacedV1 } from '@vitrine/contracts';
import { parseEvent } from './parse-event.js';

const valid = () => ({
  id: randomUUID(),
  type: orderPlacedV1.type,
  source: 'orders',
  time: new Date().toISOString(),
  subject: randomUUID(),
  version: 1,
  data: { orderId: randomUUID(), lines: [{ productId: randomUUID(), quantity: 2 }] },
});

describe('parseEvent', () => {
  it('accepts a valid event, tolerating fields added later within the version', () => {
    const event = { ...valid(), traceparent: '00-abc', data: { ...valid().data, channel: 'web' } };
    const parsed = parseEvent(JSON.stringify(event));
    expect(parsed.ok).toBe(true);
  });

  it.each([
    ['MALFORMED_JSON', '{nope'],
    ['INVALID_ENVELOPE', JSON.stringify({ ...valid(), id: 'not-a-uuid' })],
    ['INVALID_ENVELOPE', JSON.stringify({ ...valid(), time: 'yesterday' })],
    ['UNKNOWN_EVENT', JSON.stringify({ ...valid(), type: 'orders.order.teleported' })],
    ['UNKNOWN_EVENT', JSON.stringify({ ...valid(), version: 2 })],
    ['INVALID_DATA', JSON.stringify({ ...valid(), data: { orderId: randomUUID(), lines: [] } })],
    ['INVALID_DATA', JSON.stringify({ ...valid(), data: { orderId: randomUUID(), lines: [{ productId: randomUUID(), quantity: 0 }] } })],
  ])('refuses %s', (reason, raw) => {
    expect(parseEvent(raw)).toMatchObject({ ok: false, reason });
  });

  describe('for a reader that applies only some events', () => {
    const invalidData = JSON.stringify({ ...valid(), data: { orderId: randomUUID(), lines: [] } });
    const none = () => false;

    it("leaves the data of an event it does not apply unread, so another consumer's bad data is not its failure", () => {
      const parsed = parseEvent(invalidData, none);
      expect(parsed).toMatchObject({ ok: true, envelope: { type: orderPlacedV1.type } });
    });

    it('still checks the data of an event it applies', () => {
      expect(parseEvent(invalidData, (type, version) => type === orderPlacedV1.type && version === 1)).toMatchObject({ ok: false, reason: 'INVALID_DATA' });
    });

    it('still refuses a broken envelope or an event nobody knows', () => {
      expect(parseEvent(JSON.stringify({ ...valid(), id: 'not-a-uuid' }), none)).toMatchObject({ ok: false, reason: 'INVALID_ENVELOPE' });
      expect(parseEvent(JSON.stringify({ ...valid(), version: 2 }), none)).toMatchObject({ ok: false, reason: 'UNKNOWN_EVENT' });
    });
  });
});
