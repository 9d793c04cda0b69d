import { describe, expect, it } from 'vitest';
import { renderMessage } from './render-message.js';
import { keptBody, keptBodyMaxChars, removedLinkWords } from '../domain/message-body.js';
import { present } from '../domain/presentation.js';

const storefrontUrl = 'https://shop.example';
const token = 'k3Jq9w-T0kenThatIsLongEnough_ForTheSchema42';
const expiresAt = '2027-03-14T12:30:00.000Z';
const textOf = (kind: Parameters<typeof renderMessage>[0], language: 'en' | 'fr', facts: Record<string, unknown>) =>
  renderMessage(kind, language, present(facts, { language, customerName: 'Ann', orderId: null, productNames: {}, storefrontUrl })).text;

describe('the body kept with a sent message', () => {
  it('given an order email, when kept, then it is the text part exactly as sent', () => {
    const text = 'Hello Ann\n\nYour order is confirmed: https://shop.example/orders/3f2c\n\n-- \nThe store\n';
    expect(keptBody('ORDER_CONFIRMED', 'en', { orderId: '3f2c' }, text)).toBe(text);
  });

  it('given a password reset, when kept, then its link is replaced by words saying why, and the rest stays', () => {
    const facts = { email: 'ann@example.test', token, expiresAt };
    const sent = textOf('PASSWORD_RESET_REQUESTED', 'en', facts);
    expect(sent).toContain(token);
    const kept = keptBody('PASSWORD_RESET_REQUESTED', 'en', facts, sent)!;
    expect(kept).not.toContain(token);
    expect(kept).not.toContain('/reset-password?token=');
    expect(kept).toContain(`Choose a new password: ${removedLinkWords.en}`);
    expect(kept.replace(/[\u00a0\u202f]/g, ' ')).toContain('Link valid until: March 14, 2027 at 12:30 PM UTC');
  });

  it('given the French verification and email-change links, when kept, then neither token stays, in French words', () => {
    for (const kind of ['EMAIL_VERIFICATION_REQUESTED', 'EMAIL_CHANGE_REQUESTED'] as const) {
      const facts = { email: 'new@example.test', token, expiresAt };
      const kept = keptBody(kind, 'fr', facts, textOf(kind, 'fr', facts))!;
      expect(kept).not.toContain(token);
      expect(kept).toContain(removedLinkWords.fr);
    }
  });

  it('given a token that the link URL-encodes, when kept, then neither its raw nor its encoded form stays', () => {
    const facts = { email: 'a@b.test', token: 'a+b/c=d&e', expiresAt };
    const sent = textOf('PASSWORD_RESET_REQUESTED', 'en', facts);
    expect(sent).toContain('a%2Bb%2Fc%3Dd%26e');
    const kept = keptBody('PASSWORD_RESET_REQUESTED', 'en', facts, sent)!;
    expect(kept).not.toContain('a%2Bb%2Fc%3Dd%26e');
    expect(kept).not.toContain('a+b/c=d&e');
  });

  it('given a link email whose token appears outside a link, or no token to look for, then nothing is kept', () => {
    expect(keptBody('PASSWORD_RESET_REQUESTED', 'en', { token }, `Your code is ${token}.`)).toBeNull();
    expect(keptBody('EMAIL_VERIFICATION_REQUESTED', 'en', {}, 'Confirm: https://shop.example/account?verifyEmail=secret')).toBeNull();
  });

  it('given a security notice without a token, when kept, then its links (sign in, forgot password) stay', () => {
    const facts = { email: 'ann@example.test', via: 'RESET' };
    const sent = textOf('PASSWORD_CHANGED', 'en', facts);
    expect(keptBody('PASSWORD_CHANGED', 'en', facts, sent)).toBe(sent);
    expect(sent).toContain(`${storefrontUrl}/forgot-password`);
  });

  it('given a body longer than the bound, when kept, then it is cut to the bound saying so', () => {
    const kept = keptBody('ORDER_CONFIRMED', 'fr', {}, 'x'.repeat(keptBodyMaxChars + 10))!;
    expect(kept.length).toBeLessThanOrEqual(keptBodyMaxChars);
    expect(kept.endsWith('[… la suite n’est pas conservée]')).toBe(true);
    expect(keptBody('ORDER_CONFIRMED', 'en', {}, 'x'.repeat(keptBodyMaxChars))).toHaveLength(keptBodyMaxChars);
  });
});
