import { createCookie, redirect, type AppLoadContext } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import type { StorefrontSessionFragment } from '../../__generated__/app/graphql.js';
import { ApiError, callApi } from './api.server.js';

/**
 * The signed-in customer's tokens live in an httpOnly cookie the web server sets: page scripts never see them
 * (nothing in localStorage), and every API call is made by this server. The cookie keeps the access token, when
 * it expires and the refresh token, and lasts as long as the refresh token: when the access token has expired
 * (15 minutes by default), the server trades the refresh token for a new pair before calling the API, so the
 * customer stays signed in.
 */
const sessionCookie = (context: AppLoadContext, maxAge?: number) =>
  createCookie('vitrine_session', { httpOnly: true, sameSite: 'lax', path: '/', secure: context.secureCookies, ...(maxAge ? { maxAge } : {}) });

/** How long the cookie (and so the refresh token) is kept: the API's default refresh-token life. */
const refreshLifeSeconds = 30 * 24 * 3600;
/** Renew this long before the access token expires, so a call made just before never reaches the API expired. */
const renewMarginMs = 30_000;

export interface Session {
  accessToken: string;
  displayName: string;
  /** Absent in cookies written before session refresh: such a session simply lasts until its token expires. */
  refreshToken?: string;
  /** When the access token expires (ms since the epoch). */
  expiresAt?: number;
  /** The external identity provider this session was signed in with (it can prove it is the customer again). */
  signedInWith?: string;
}

/**
 * What the storefront keeps of every answer that signs a customer in (login, sign-up, reset, refresh, external
 * sign-in, a password changed or set): each of those mutations spreads `...StorefrontSession`.
 */
graphql(`
  fragment StorefrontSession on AuthSession {
    accessToken
    refreshToken
    expiresIn
    customer {
      displayName
    }
  }
`);

export type AuthSessionAnswer = StorefrontSessionFragment;

const refreshMutation = graphql(`
  mutation StorefrontRefreshSession($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) {
      ...StorefrontSession
    }
  }
`);

/** A session as kept in the cookie, from the API's answer to login, reset or refresh. */
export const sessionFrom = (auth: AuthSessionAnswer, now = Date.now()): Session => ({
  accessToken: auth.accessToken,
  refreshToken: auth.refreshToken,
  displayName: auth.customer.displayName,
  expiresAt: now + auth.expiresIn * 1000,
});

/**
 * A refresh token works once, and a page's loaders read the session in parallel: every reader of one expired
 * session shares one refresh (and a request that comes back with the old cookie before the new one was stored
 * gets the same answer for a minute).
 */
const refreshes = new Map<string, { at: number; session: Promise<Session | null> }>();
const sharedForMs = 60_000;

function renew(context: AppLoadContext, refreshToken: string): Promise<Session | null> {
  const now = Date.now();
  for (const [token, entry] of refreshes) if (now - entry.at > sharedForMs) refreshes.delete(token);
  let pending = refreshes.get(refreshToken)?.session;
  if (!pending) {
    pending = callApi(context, refreshMutation, { refreshToken })
      .then(({ refreshSession }) => sessionFrom(refreshSession))
      .catch((err: unknown) => {
        // Refused (used, expired, the account's sessions ended): the customer signs in again.
        if (err instanceof ApiError) return null;
        throw err;
      });
    refreshes.set(refreshToken, { at: now, session: pending });
  }
  return pending;
}

async function cookieSession(request: Request, context: AppLoadContext): Promise<Session | null> {
  const value: unknown = await sessionCookie(context).parse(request.headers.get('cookie'));
  if (!value || typeof value !== 'object') return null;
  const { accessToken, displayName, refreshToken, expiresAt, signedInWith } = value as Partial<Session>;
  if (typeof accessToken !== 'string' || typeof displayName !== 'string') return null;
  return {
    accessToken,
    displayName,
    ...(typeof refreshToken === 'string' ? { refreshToken } : {}),
    ...(typeof expiresAt === 'number' ? { expiresAt } : {}),
    ...(typeof signedInWith === 'string' ? { signedInWith } : {}),
  };
}

/**
 * The session, renewed when its access token has expired (or is about to). `renewed` says the cookie must be
 * written again (the root loader does it for every page); null: signed out, or the session could not be renewed.
 */
export async function readSessionState(request: Request, context: AppLoadContext): Promise<{ session: Session | null; renewed: boolean; ended: boolean }> {
  const stored = await cookieSession(request, context);
  if (!stored) return { session: null, renewed: false, ended: false };
  if (!stored.refreshToken || stored.expiresAt === undefined || stored.expiresAt - renewMarginMs > Date.now()) {
    return { session: stored, renewed: false, ended: false };
  }
  const renewed = await renew(context, stored.refreshToken);
  const kept = renewed && stored.signedInWith ? { ...renewed, signedInWith: stored.signedInWith } : renewed;
  return kept ? { session: kept, renewed: true, ended: false } : { session: null, renewed: false, ended: true };
}

export async function readSession(request: Request, context: AppLoadContext): Promise<Session | null> {
  return (await readSessionState(request, context)).session;
}

export function saveSession(context: AppLoadContext, session: Session): Promise<string> {
  return sessionCookie(context, refreshLifeSeconds).serialize(session);
}

export function clearSession(context: AppLoadContext): Promise<string> {
  return sessionCookie(context).serialize('', { maxAge: 0 });
}

/** The session, or a redirect to sign in that comes back here after. */
export async function requireSession(request: Request, context: AppLoadContext): Promise<Session> {
  const session = await readSession(request, context);
  if (session) return session;
  const url = new URL(request.url);
  throw redirect(`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`);
}

/** Where to go after signing in: only a path of this site (never another origin). */
export function safeNext(next: FormDataEntryValue | string | null | undefined): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
