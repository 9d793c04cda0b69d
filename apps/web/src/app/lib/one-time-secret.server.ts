import { createCookie, data, redirect, type AppLoadContext } from 'react-router';

/**
 * A secret the API shows once (a partner's webhook signing secret, an API credential's client secret) must reach
 * the staff member after the form's redirect, without going into a URL (logs, history) and without the page's
 * reload rotating it again. It rides for a moment in an httpOnly, SameSite=Strict cookie scoped to the partners'
 * pages, and the next page that shows it clears it: it is shown once, then gone from the browser and this server.
 */
export interface OneTimeSecret {
  /** What the secret is, e.g. "Webhook signing secret of Acme". */
  label: string;
  secret: string;
  /** Where it belongs, so another partner's page never shows it. */
  partnerId: string;
}

const lifeSeconds = 120;
const secretCookie = (context: AppLoadContext) =>
  createCookie('vitrine_admin_secret', { httpOnly: true, sameSite: 'strict', path: '/admin/partners', secure: context.secureCookies, maxAge: lifeSeconds });

/** The form's redirect, carrying the secret to the page it lands on. */
export async function redirectWithSecret(context: AppLoadContext, to: string, secret: OneTimeSecret): Promise<Response> {
  return redirect(to, { headers: { 'set-cookie': await secretCookie(context).serialize(secret) } });
}

const isSecret = (v: unknown): v is OneTimeSecret =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as OneTimeSecret).label === 'string' &&
  typeof (v as OneTimeSecret).secret === 'string' &&
  typeof (v as OneTimeSecret).partnerId === 'string';

/** The secret waiting for this partner's page, if any, and the header that clears it once the page is sent. */
export async function takeSecret(request: Request, context: AppLoadContext, partnerId: string): Promise<{ secret: OneTimeSecret | null; headers: Headers }> {
  const cookie = secretCookie(context);
  const value: unknown = await cookie.parse(request.headers.get('cookie'));
  const headers = new Headers();
  if (value === null || value === undefined || value === '') return { secret: null, headers };
  headers.set('set-cookie', await cookie.serialize('', { maxAge: 0 }));
  return { secret: isSecret(value) && value.partnerId === partnerId ? value : null, headers };
}

/** A loader's answer with the clearing header (React Router's `data`). */
export const withHeaders = <T>(value: T, headers: Headers) => data(value, { headers });
