import { describe, expect, it } from 'vitest';
import { readCarrierReport } from './carrier-report.js';
import { signCarrierWebhook, verifyCarrierWebhook } from './carrier-signature.js';
import { carrierStepEffect, carrierStepTime } from './carrier-step.js';
import { sandboxJourney, sandboxStepDue } from './sandbox-carrier.js';

const secret = `whsec_${Buffer.from('a carrier secret of some length').toString('base64')}`;
const other = `whsec_${Buffer.from('somebody else entirely, not it').toString('base64')}`;
const now = Date.UTC(2026, 5, 1, 12);
const seconds = Math.floor(now / 1000);
const body = '{"trackingNumber":"COL-1","status":"DELIVERED"}';

describe('verifyCarrierWebhook (Standard Webhooks)', () => {
  const signed = { id: 'evt_1', timestamp: String(seconds), signature: signCarrierWebhook(secret, 'evt_1', seconds, body) };

  it('accepts the exact bytes signed with the carrier secret, within the tolerance', () => {
    expect(verifyCarrierWebhook(secret, signed, body, now, 300)).toEqual({ ok: true });
    expect(verifyCarrierWebhook(secret, { ...signed, signature: `v1,bm90IGl0 ${signed.signature}` }, body, now + 299_000, 300)).toEqual({ ok: true });
  });

  it('refuses another secret, another body, another id, missing headers and a timestamp out of tolerance', () => {
    expect(verifyCarrierWebhook(other, signed, body, now, 300)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(verifyCarrierWebhook(secret, signed, body.replace('DELIVERED', 'IN_TRANSIT'), now, 300)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(verifyCarrierWebhook(secret, { ...signed, id: 'evt_2' }, body, now, 300)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(verifyCarrierWebhook(secret, { ...signed, signature: 'v2,abc' }, body, now, 300)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(verifyCarrierWebhook(secret, { ...signed, timestamp: '' }, body, now, 300)).toEqual({ ok: false, reason: 'MISSING_HEADERS' });
    expect(verifyCarrierWebhook(secret, signed, body, now + 301_000, 300)).toEqual({ ok: false, reason: 'STALE_TIMESTAMP' });
    expect(verifyCarrierWebhook(secret, signed, body, now - 301_000, 300)).toEqual({ ok: false, reason: 'STALE_TIMESTAMP' });
  });
});

describe('readCarrierReport', () => {
  it('reads a step tolerantly: unknown fields ignored, an unknown status kept aside, a long note cut', () => {
    expect(readCarrierReport('{"trackingNumber":" COL-1 ","status":"delivered","occurredAt":"2026-06-01T10:00:00Z","extra":1}')).toEqual({
      trackingNumber: 'COL-1',
      status: 'DELIVERED',
      reportedStatus: 'DELIVERED',
      occurredAt: new Date('2026-06-01T10:00:00Z'),
      note: null,
    });
    expect(readCarrierReport(`{"trackingNumber":"COL-1","status":"CUSTOMS_HOLD","note":"${'x'.repeat(300)}"}`)).toMatchObject({
      status: null,
      reportedStatus: 'CUSTOMS_HOLD',
      note: 'x'.repeat(200),
    });
  });

  it('refuses what is not a report', () => {
    for (const bad of [
      'not json',
      '[]',
      '{"status":"DELIVERED"}',
      '{"trackingNumber":"COL-1"}',
      '{"trackingNumber":"COL-1","status":"DELIVERED","occurredAt":"soon"}',
    ]) {
      expect(readCarrierReport(bad)).toBeNull();
    }
  });
});

describe('carrier steps', () => {
  it('move a parcel on its way only: a delivered or returned parcel never moves back', () => {
    expect(carrierStepEffect('DISPATCHED')).toBe('APPLY');
    expect(carrierStepEffect('DELIVERED')).toBe('STALE');
    expect(carrierStepEffect('RETURNED_TO_SENDER')).toBe('STALE');
  });

  it('are recorded at their time, kept between the dispatch and now', () => {
    const dispatched = new Date(now - 3_600_000);
    expect(carrierStepTime(new Date(now - 60_000), dispatched, new Date(now))).toEqual(new Date(now - 60_000));
    expect(carrierStepTime(new Date(now + 5_000), dispatched, new Date(now))).toEqual(new Date(now));
    expect(carrierStepTime(new Date(now - 7_200_000), dispatched, new Date(now))).toEqual(dispatched);
    expect(carrierStepTime(null, dispatched, new Date(now))).toEqual(new Date(now));
  });
});

describe('the sandbox carrier', () => {
  const dispatched = new Date(now);
  const play = (trackingNumber: string) => sandboxJourney(trackingNumber).map((s) => `${s.status}@${sandboxStepDue(dispatched, s).toISOString()}`);

  it('delivers two days and a half after the dispatch', () => {
    expect(play('SBX-0001')).toEqual([
      'IN_TRANSIT@2026-06-02T00:00:00.000Z',
      'OUT_FOR_DELIVERY@2026-06-03T12:00:00.000Z',
      'DELIVERED@2026-06-03T18:00:00.000Z',
    ]);
  });

  it('returns a parcel whose tracking number says RTS to the sender after a week', () => {
    expect(play('SBX-RTS-0001').at(-1)).toBe('RETURNED_TO_SENDER@2026-06-08T12:00:00.000Z');
  });
});
