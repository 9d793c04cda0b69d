import { redirect, type AppLoadContext } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import { ApiError, callApi } from './api.server.js';
import type { Locale } from './format.js';
import { refusalIn } from './refusals.js';

// The account emails' links land on the account page (notifications writes `/account?verifyEmail=<token>` and
// `/account?confirmEmailChange=<token>`): the page follows them once, then drops the token from the address.

const verifyEmailMutation = graphql(`
  mutation StorefrontVerifyEmail($token: String!) {
    verifyEmail(token: $token)
  }
`);

const confirmEmailChangeMutation = graphql(`
  mutation StorefrontConfirmEmailChange($token: String!) {
    confirmEmailChange(token: $token)
  }
`);

export type EmailLink = 'verifyEmail' | 'confirmEmailChange';

/** Why an emailed link did nothing: the API's own words (a used, unknown or expired link; an address taken meanwhile). */
export interface EmailLinkRefusal {
  link: EmailLink;
  error: string;
}

/**
 * Follows the emailed link in the page's address, if any. Done: throws the redirect to the account page saying so
 * (without the token, so a reload does not present a used link again). Refused: the API's reason, shown on the page
 * (a reload asks again and gets the same answer: nothing changes). No link: null.
 */
export async function followEmailLink(context: AppLoadContext, url: URL, accessToken: string, locale: Locale = 'en'): Promise<EmailLinkRefusal | null> {
  const link: EmailLink | null = url.searchParams.has('verifyEmail') ? 'verifyEmail' : url.searchParams.has('confirmEmailChange') ? 'confirmEmailChange' : null;
  if (!link) return null;
  const token = url.searchParams.get(link) ?? '';
  try {
    if (link === 'verifyEmail') await callApi(context, verifyEmailMutation, { token }, accessToken);
    else await callApi(context, confirmEmailChangeMutation, { token }, accessToken);
  } catch (err) {
    if (err instanceof ApiError) return { link, error: refusalIn(locale, err, { withProblems: true }) };
    throw err;
  }
  throw redirect(link === 'verifyEmail' ? '/account?emailVerified=1' : '/account?emailChanged=1');
}
