import { describe, expect, it } from 'vitest';
import {
  emailChangeNotice,
  passwordChangedNotice,
  passwordResetNotice,
  recipientOf,
  signUpRepeatedNotice,
  unsendableLink,
  withoutSecrets,
} from './account-notices.js';

const customerId = '0b8a3c1e-2d4f-4a6b-8c9d-1e2f3a4b5c6d';
const token = 'k3Jq9w-T0kenThatIsLongEnough_ForTheSchema42';
const expiresAt = '2027-03-14T12:30:00.000Z';
const event = <T>(data: T) => ({ id: '6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b', time: '2027-03-14T12:00:00.000Z', data });

describe('account notices', () => {
  it('given a reset request, when noticed, then one message keyed by the event and customer holds the address, token and expiry', () => {
    const notice = passwordResetNotice(event({ customerId, email: 'ann@example.test', token, expiresAt }));
    expect(notice).toEqual({
      kind: 'PASSWORD_RESET_REQUESTED',
      customerId,
      orderId: null,
      sendKey: `6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b:${customerId}`,
      facts: { email: 'ann@example.test', token, expiresAt },
    });
  });

  it('sends an email change to the new address the event names, not the remembered contact', () => {
    const notice = emailChangeNotice(event({ customerId, email: 'new@example.test', token, expiresAt }));
    expect(recipientOf(notice.kind, notice.facts, 'old@example.test')).toBe('new@example.test');
  });

  it('writes security notices to the event’s address, and other kinds to the contact', () => {
    const changed = passwordChangedNotice(event({ customerId, email: 'ann@example.test', via: 'RESET' as const }));
    expect(changed).toMatchObject({ kind: 'PASSWORD_CHANGED', facts: { email: 'ann@example.test', via: 'RESET' } });
    const repeated = signUpRepeatedNotice(event({ customerId, email: 'ann@example.test' }));
    expect(recipientOf(repeated.kind, repeated.facts, null)).toBe('ann@example.test');
    expect(recipientOf('ORDER_CONFIRMED', { email: 'someone@example.test' }, 'contact@example.test')).toBe('contact@example.test');
    // An account message without its address is not sent elsewhere.
    expect(recipientOf('PASSWORD_CHANGED', {}, 'contact@example.test')).toBeNull();
  });

  it('refuses to send a link that expired, or whose token is no longer kept', () => {
    const facts = { email: 'ann@example.test', token, expiresAt };
    expect(unsendableLink('PASSWORD_RESET_REQUESTED', facts, new Date('2027-03-14T12:29:59.000Z'))).toBeNull();
    expect(unsendableLink('PASSWORD_RESET_REQUESTED', facts, new Date(expiresAt))).toMatch(/^LINK_EXPIRED/);
    expect(unsendableLink('EMAIL_VERIFICATION_REQUESTED', { email: 'ann@example.test', expiresAt }, new Date(0))).toMatch(/^LINK_GONE/);
    expect(unsendableLink('PASSWORD_CHANGED', { email: 'ann@example.test' }, new Date())).toBeNull();
  });

  it('drops the token always, and the address unless it may still be needed', () => {
    const facts = { email: 'ann@example.test', token, expiresAt };
    expect(withoutSecrets(facts, { keepAddress: false })).toEqual({ expiresAt });
    expect(withoutSecrets(facts, { keepAddress: true })).toEqual({ email: 'ann@example.test', expiresAt });
    expect(withoutSecrets({ email: 'ann@example.test', via: 'CHANGE' }, { keepAddress: true })).toEqual({ email: 'ann@example.test', via: 'CHANGE' });
  });
});
