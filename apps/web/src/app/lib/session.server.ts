import { createCookie, redirect, type AppLoadContext } from 'react-router';

/**
 * The signed-in customer's access token lives in an httpOnly cookie the web server sets: page scripts never
 * see it (nothing in localStorage), and every API call is made by this server with it. It lasts as long as the
 * token does (the API says how long); then the customer signs in again.
 */
const sessionCookie = (context: AppLoadContext, maxAge?: number) =>
  createCookie('vitrine_session', { httpOnly: true, sameSite: 'lax', path: '/', secure: context.secureCookies, ...(maxAge ? { maxAge } : {}) });

export interface Session {
  accessToken: string;
  displayName: string;
}

export async function readSession(request: Request, context: AppLoadContext): Promise<Session | null> {
  const value: unknown = await sessionCookie(context).parse(request.headers.get('cookie'));
  if (!value || typeof value !== 'object') return null;
  const { accessToken, displayName } = value as Partial<Session>;
  return typeof accessToken === 'string' && typeof displayName === 'string' ? { accessToken, displayName } : null;
}

export function saveSession(context: AppLoadContext, session: Session, expiresInSeconds: number): Promise<string> {
  return sessionCookie(context, expiresInSeconds).serialize(session);
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
