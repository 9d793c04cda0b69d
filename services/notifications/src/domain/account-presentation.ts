import { formatDeadline } from './formatting.js';
import type { Language } from './languages.js';
import type { NoticeFacts } from './notice.js';

/**
 * The storefront's pages an account message links to. The reset page reads
 * its token from `?token=` (apps/web routes/reset-password.tsx). The
 * storefront has no page yet to verify an address or confirm a new one
 * (accounts' `verifyEmail` and `confirmEmailChange` take the token through
 * the API): those links go to the account page, which exists, with the token
 * under the mutation's name, for that page to complete once it handles it.
 */
export const accountPages = {
  resetPassword: '/reset-password?token=',
  verifyEmail: '/account?verifyEmail=',
  confirmEmailChange: '/account?confirmEmailChange=',
  signIn: '/sign-in',
  forgotPassword: '/forgot-password',
} as const;

const changedBy = {
  en: { CHANGE: 'from your account', RESET: 'with a reset link' },
  fr: { CHANGE: 'depuis votre compte', RESET: 'avec un lien de réinitialisation' },
} as const satisfies Record<Language, Record<'CHANGE' | 'RESET', string>>;

/** An account message's words: its link (the token URL-encoded), when the link expires, the address written to, how a password changed. */
export function presentAccount(facts: NoticeFacts, language: Language, storefrontUrl: string): Record<string, unknown> {
  const token = typeof facts.token === 'string' ? encodeURIComponent(facts.token) : '';
  const via = facts.via === 'RESET' || facts.via === 'CHANGE' ? facts.via : null;
  return {
    resetUrl: `${storefrontUrl}${accountPages.resetPassword}${token}`,
    verifyUrl: `${storefrontUrl}${accountPages.verifyEmail}${token}`,
    confirmEmailUrl: `${storefrontUrl}${accountPages.confirmEmailChange}${token}`,
    signInUrl: `${storefrontUrl}${accountPages.signIn}`,
    forgotPasswordUrl: `${storefrontUrl}${accountPages.forgotPassword}`,
    linkExpiresAt: typeof facts.expiresAt === 'string' ? formatDeadline(facts.expiresAt, language) : '',
    address: typeof facts.email === 'string' ? facts.email : '',
    changedVia: via ? changedBy[language][via] : '',
  };
}
