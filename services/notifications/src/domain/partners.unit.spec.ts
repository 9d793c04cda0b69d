import { describe, expect, it } from 'vitest';
import { afterFailedAttempt } from './delivery.js';
import { checkPartnerInput, defaultWebhookRetry, isDelivered, signingSecrets } from './partners.js';

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
