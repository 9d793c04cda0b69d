import { data, redirect, type AppLoadContext } from 'react-router';
import { wordsIn } from './i18n.js';
import { requestLocale } from './locale.server.js';
import { backOfficeWords, type BackOfficeSection } from './messages/admin/back-office.js';
import { requireSession, type Session } from './session.server.js';

/** Back-office scopes the pages use (accounts' `staffScopes`); the API checks each one again on every call. */
export type BackOfficeScope =
  | 'catalog:write'
  | 'logistics:fulfil'
  | 'logistics:write'
  | 'aftersales:decide'
  | 'orders:manage'
  | 'payments:write'
  | 'notifications:write'
  | 'partners:write'
  | 'customers:read'
  | 'customers:flag';

/** The back office's sections, each shown only to staff whose token carries its scope (named in messages/admin/back-office.ts). */
export const backOfficeSections: readonly { scope: BackOfficeScope; path: string; section: BackOfficeSection }[] = [
  { scope: 'catalog:write', path: '/admin/products', section: 'products' },
  { scope: 'logistics:fulfil', path: '/admin/shipments', section: 'shipments' },
  { scope: 'aftersales:decide', path: '/admin/claims', section: 'claims' },
  { scope: 'aftersales:decide', path: '/admin/returns', section: 'returns' },
  { scope: 'orders:manage', path: '/admin/orders', section: 'orders' },
  { scope: 'customers:read', path: '/admin/customers', section: 'customers' },
  { scope: 'catalog:write', path: '/admin/stock', section: 'stock' },
  { scope: 'catalog:write', path: '/admin/studios', section: 'studios' },
  { scope: 'catalog:write', path: '/admin/warehouses', section: 'warehouses' },
  { scope: 'orders:manage', path: '/admin/policies', section: 'policies' },
  { scope: 'payments:write', path: '/admin/payments', section: 'payments' },
  { scope: 'payments:write', path: '/admin/ledger', section: 'ledger' },
  { scope: 'logistics:write', path: '/admin/rate-tables', section: 'rateTables' },
  { scope: 'notifications:write', path: '/admin/partners', section: 'partners' },
  { scope: 'notifications:write', path: '/admin/messages', section: 'messages' },
  { scope: 'catalog:write', path: '/admin/catalog-settings', section: 'catalogSettings' },
  { scope: 'orders:manage', path: '/admin/clock', section: 'clock' },
];

/**
 * The scopes the access token carries (its `scope` claim, space separated, as accounts issues it). Read, not
 * verified: the token came from the API to this server and is only used here to decide what to show; the API
 * verifies it on every call and refuses anything the scopes do not allow.
 */
export function tokenScopes(accessToken: string): string[] {
  const payload = accessToken.split('.')[1];
  if (!payload) return [];
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { scope?: unknown };
    return typeof claims.scope === 'string' ? claims.scope.split(' ').filter(Boolean) : [];
  } catch {
    return [];
  }
}

/** Whether the signed-in account holds at least one back-office scope the pages use. */
export const isStaff = (scopes: readonly string[]) => backOfficeSections.some((s) => scopes.includes(s.scope));

export interface Staff extends Session {
  scopes: string[];
}

/**
 * The signed-in staff member (a redirect to sign in otherwise). Without a back-office scope, or without `scope`
 * when one is named, the page is a 403 refusal that says why; nothing is asked of the API.
 */
export async function requireStaff(request: Request, context: AppLoadContext, scope?: BackOfficeScope): Promise<Staff> {
  const session = await requireSession(request, context);
  const scopes = tokenScopes(session.accessToken);
  if (!isStaff(scopes)) {
    throw data({ message: wordsIn(backOfficeWords, await requestLocale(request, context)).refusals.customerAccount }, { status: 403 });
  }
  if (scope && !scopes.includes(scope)) {
    throw data({ message: wordsIn(backOfficeWords, await requestLocale(request, context)).refusals.missingScope(scope) }, { status: 403 });
  }
  return { ...session, scopes };
}

/** What a back-office action answers a form it cannot act on (a stale page, an unknown step), in the page's language. */
export async function formOutOfDate(request: Request, context: AppLoadContext): Promise<string> {
  return wordsIn(backOfficeWords, await requestLocale(request, context)).outOfDate;
}

/**
 * After a back-office form succeeds: back to the page it was sent from (its filters kept) with `done` naming
 * what was done (and `details`, if any), so the page is read afresh after the change and a reload does not send the form again.
 */
export function backToPage(request: Request, done: string, details: Record<string, string> = {}): Response {
  const url = new URL(request.url);
  url.searchParams.set('done', done);
  // What the page needs to say what was done (e.g. the id of what was made), when `done` alone does not.
  for (const [name, value] of Object.entries(details)) url.searchParams.set(name, value);
  return redirect(`${url.pathname}?${url.searchParams}`);
}
