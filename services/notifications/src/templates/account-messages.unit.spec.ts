import { describe, expect, it } from 'vitest';
import { present } from '../domain/presentation.js';
import { renderMessage } from './render-message.js';

const storefrontUrl = 'https://shop.example';
const token = 'k3Jq9w-T0kenThatIsLongEnough_ForTheSchema42';
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const render = (kind: Parameters<typeof renderMessage>[0], language: 'en' | 'fr', facts: Record<string, unknown>) =>
  renderMessage(kind, language, present(facts, { language, customerName: '', orderId: null, productNames: {}, storefrontUrl }));

describe('account messages', () => {
  it('links a reset to the storefront’s reset page with the token as its `token` parameter, and says until when', () => {
    const en = render('PASSWORD_RESET_REQUESTED', 'en', { email: 'ann@example.test', token, expiresAt: '2027-03-14T12:30:00.000Z' });
    expect(en.subject).toBe('Reset your password');
    expect(en.text).toContain(`Choose a new password: ${storefrontUrl}/reset-password?token=${token}`);
    expect(en.html).toContain(`href="${storefrontUrl}/reset-password?token=${token}"`);
    expect(plain(en.text)).toContain('the account at ann@example.test');
    expect(plain(en.text)).toContain('Link valid until: March 14, 2027 at 12:30 PM UTC');

    const fr = render('PASSWORD_RESET_REQUESTED', 'fr', { email: 'ann@example.test', token, expiresAt: '2027-03-14T12:30:00.000Z' });
    expect(fr.subject).toBe('Réinitialisez votre mot de passe');
    expect(fr.html).toContain('<html lang="fr">');
    expect(fr.text).toContain(`Choisir un nouveau mot de passe: ${storefrontUrl}/reset-password?token=${token}`);
    expect(plain(fr.text)).toContain('jusqu’au 14 mars 2027 à 12:30 UTC');
  });

  it('encodes a token that would break the URL', () => {
    const message = render('PASSWORD_RESET_REQUESTED', 'en', { email: 'a@b.test', token: 'a+b/c=d&e', expiresAt: '2027-03-14T12:30:00.000Z' });
    expect(message.text).toContain('/reset-password?token=a%2Bb%2Fc%3Dd%26e');
  });

  it('sends verification and email change links to the account page, carrying the token', () => {
    const verify = render('EMAIL_VERIFICATION_REQUESTED', 'en', { email: 'ann@example.test', token, expiresAt: '2027-03-16T12:00:00.000Z' });
    expect(verify.text).toContain(`Confirm my address: ${storefrontUrl}/account?verifyEmail=${token}`);
    const change = render('EMAIL_CHANGE_REQUESTED', 'fr', { email: 'new@example.test', token, expiresAt: '2027-03-14T13:00:00.000Z' });
    expect(change.subject).toBe('Confirmez votre nouvelle adresse e-mail');
    expect(plain(change.text)).toContain('passer votre compte à l’adresse new@example.test');
    expect(change.text).toContain(`${storefrontUrl}/account?confirmEmailChange=${token}`);
  });

  it('tells the owner how the password changed, and where to reset it if it was not them', () => {
    const reset = render('PASSWORD_CHANGED', 'en', { email: 'ann@example.test', via: 'RESET' });
    expect(reset.text).toContain('was changed with a reset link. Every other session was signed out.');
    expect(reset.text).toContain(`Reset my password: ${storefrontUrl}/forgot-password`);
    const change = render('PASSWORD_CHANGED', 'fr', { email: 'ann@example.test', via: 'CHANGE' });
    expect(change.text).toContain('a été modifié depuis votre compte.');
  });

  it('warns of a repeated sign-up without revealing anything else, with a sign-in link', () => {
    const en = render('SIGN_UP_REPEATED', 'en', { email: 'ann@example.test' });
    expect(en.subject).toBe('Someone tried to create an account with your address');
    expect(en.text).toContain(`Sign in: ${storefrontUrl}/sign-in`);
    const fr = render('SIGN_UP_REPEATED', 'fr', { email: 'ann@example.test' });
    expect(fr.subject).toBe('Quelqu’un a tenté de créer un compte avec votre adresse');
    expect(fr.text).toContain(`${storefrontUrl}/forgot-password`);
  });
});
