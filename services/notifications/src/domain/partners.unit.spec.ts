import { describe, expect, it } from 'vitest';
import { afterFailedAttempt } from './delivery.js';
import { checkPartnerInput, decidePartnerUpdate, defaultWebhookRetry, deliveryFate, isDelivered, notSentBecause, signingSecrets } from './partners.js';

const good = { name: 'Figure Tracker', webhookUrl: 'https://partner.example/hooks', eventTypes: ['orders.order.status-changed'] };

describe('partner settings', () => {
  it('accepts https endpoints and known public event types', () => {
    expect(checkPartnerInput(good, { allowPlainHttp: false })).toEqual([]);
  });

  it('names every problem at once', () => {
    const problems = checkPartnerInput(
      { name: ' ', webhookUrl: 'http://user:pw@partner.example', eventTypes: ['accounts.customer.contact-changed'] },
      { allowPlainHttp: false },
    );
    expect(problems.map((p) => `${p.field}:${p.reason}`)).toEqual([
      'name:LENGTH',
      'webhookUrl:INSECURE_URL',
      'webhookUrl:CREDENTIALS_IN_URL',
      'eventTypes:UNKNOWN_EVENT_TYPE',
    ]);
    expect(checkPartnerInput({ ...good, webhookUrl: 'not a url', eventTypes: [] }, { allowPlainHttp: true }).map((p) => p.reason)).toEqual([
      'INVALID_URL',
      'EMPTY',
    ]);
  });

  it('allows plain http only where the deployment says so (loopback tests, local stack)', () => {
    expect(checkPartnerInput({ ...good, webhookUrl: 'http://127.0.0.1:9000/hooks' }, { allowPlainHttp: true })).toEqual([]);
  });
});

describe('changing a partner', () => {
  const current = {
    name: 'Figure Tracker',
    webhookUrl: 'https://partner.example/hooks',
    eventTypes: ['orders.order.placed', 'orders.order.status-changed'],
    removedAt: null,
  };
  const strict = { allowPlainHttp: false };

  it('replaces only the settings given, normalized as a new partner’s, and names what changed', () => {
    const decision = decidePartnerUpdate(current, { name: '  Figure Tracker Pro ', webhookUrl: 'https://new.example/v2' }, strict);
    expect(decision).toEqual({
      kind: 'UPDATED',
      settings: { name: 'Figure Tracker Pro', webhookUrl: 'https://new.example/v2', eventTypes: ['orders.order.placed', 'orders.order.status-changed'] },
      changes: [
        { field: 'name', from: 'Figure Tracker', to: 'Figure Tracker Pro' },
        { field: 'webhookUrl', from: 'https://partner.example/hooks', to: 'https://new.example/v2' },
      ],
      droppedEventTypes: [],
    });
  });

  it('names the event types it no longer receives', () => {
    const decision = decidePartnerUpdate(
      current,
      { eventTypes: ['payments.payment.failed', 'orders.order.status-changed', 'payments.payment.failed'] },
      strict,
    );
    expect(decision).toMatchObject({
      kind: 'UPDATED',
      settings: { eventTypes: ['orders.order.status-changed', 'payments.payment.failed'] },
      droppedEventTypes: ['orders.order.placed'],
      changes: [{ field: 'eventTypes', dropped: ['orders.order.placed'] }],
    });
  });

  it('changes nothing when the settings are the same (event types in any order)', () => {
    const decision = decidePartnerUpdate(current, { name: 'Figure Tracker', eventTypes: ['orders.order.status-changed', 'orders.order.placed'] }, strict);
    expect(decision).toMatchObject({ kind: 'UPDATED', changes: [], droppedEventTypes: [] });
  });

  it('refuses what a new partner would be refused, every problem at once', () => {
    const decision = decidePartnerUpdate(current, { webhookUrl: 'http://user:pw@partner.example', eventTypes: [] }, strict);
    expect(decision.kind === 'REFUSED' && decision.problems.map((p) => `${p.field}:${p.reason}`)).toEqual([
      'webhookUrl:INSECURE_URL',
      'webhookUrl:CREDENTIALS_IN_URL',
      'eventTypes:EMPTY',
    ]);
    expect(decidePartnerUpdate(current, { webhookUrl: 'not a url' }, strict)).toMatchObject({ kind: 'REFUSED', problems: [{ reason: 'INVALID_URL' }] });
  });

  it('does not change a removed partner', () => {
    expect(decidePartnerUpdate({ ...current, removedAt: new Date('2027-01-01T00:00:00Z') }, { name: 'Back again' }, strict)).toEqual({ kind: 'REMOVED' });
  });

  it('sends a waiting delivery only to a partner still there and still receiving its type', () => {
    expect(deliveryFate(current, 'orders.order.placed')).toEqual({ send: true });
    expect(deliveryFate({ ...current, removedAt: new Date() }, 'orders.order.placed')).toEqual({ send: false, reason: notSentBecause.partnerRemoved });
    expect(deliveryFate(current, 'payments.refund.issued')).toEqual({
      send: false,
      reason: 'Not sent: the partner no longer receives payments.refund.issued.',
    });
  });
});

describe('webhook delivery', () => {
  it('counts only 2xx as delivered', () => {
    expect([200, 204, 299].every(isDelivered)).toBe(true);
    expect([null, 199, 300, 410, 500].some(isDelivered)).toBe(false);
  });

  it('retries for at least three days before giving up', () => {
    let waited = 0;
    for (let attempt = 1; ; attempt++) {
      const next = afterFailedAttempt(attempt, defaultWebhookRetry);
      if (next.giveUp) break;
      waited += next.retryInMs;
    }
    expect(waited).toBeGreaterThanOrEqual(3 * 24 * 3_600_000);
  });

  it('signs with the previous secret too while the rotation overlap lasts', () => {
    const now = new Date('2027-01-01T00:00:00Z');
    const partner = { secret: 'new', previousSecret: 'old', previousSecretUntil: new Date('2027-01-01T12:00:00Z') };
    expect(signingSecrets(partner, now)).toEqual(['new', 'old']);
    expect(signingSecrets(partner, new Date('2027-01-02T00:00:00Z'))).toEqual(['new']);
    expect(signingSecrets({ ...partner, previousSecret: null }, now)).toEqual(['new']);
  });
});
