import { data, redirect, type AppLoadContext } from 'react-router';
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

/** The back office's sections, each shown only to staff whose token carries its scope. */
export const backOfficeSections: readonly { scope: BackOfficeScope; path: string; title: string; about: string }[] = [
  { scope: 'catalog:write', path: '/admin/products', title: 'Products', about: 'Add and edit figures: details, price, sale rules, campaigns, arrivals.' },
  { scope: 'logistics:fulfil', path: '/admin/shipments', title: 'Shipments', about: 'Pack, combine and dispatch parcels, record their tracking; late first.' },
  { scope: 'aftersales:decide', path: '/admin/claims', title: 'Claims', about: 'Review claims, grade the damaged parts and offer what the policy allows.' },
  { scope: 'aftersales:decide', path: '/admin/returns', title: 'Returns', about: 'Items sent back by customers who changed their mind: record what arrived.' },
  { scope: 'orders:manage', path: '/admin/orders', title: 'Orders', about: 'Find orders, read their money trail, cancel them and refund.' },
  { scope: 'customers:read', path: '/admin/customers', title: 'Customers', about: 'Find customers by email or name; read and change their flags.' },
  { scope: 'catalog:write', path: '/admin/stock', title: 'Stock', about: 'Units per warehouse, the stock ledger and its reconciliation.' },
  { scope: 'catalog:write', path: '/admin/studios', title: 'Studios', about: 'The studios that make the figures: add one, correct its name or contact.' },
  { scope: 'catalog:write', path: '/admin/warehouses', title: 'Warehouses', about: 'The places that hold units, in the order sales draw from them; add one.' },
  { scope: 'orders:manage', path: '/admin/policies', title: 'Store policies', about: 'Read, compare and publish the store’s policy versions.' },
  { scope: 'payments:write', path: '/admin/payments', title: 'Payments', about: 'Payments by state, purpose, customer or order.' },
  { scope: 'payments:write', path: '/admin/ledger', title: 'Ledger', about: 'Check that the ledger balances and matches the payment provider.' },
  { scope: 'logistics:write', path: '/admin/rate-tables', title: 'Rate tables', about: 'Shipping rates by zone and weight; publish a new version.' },
  { scope: 'notifications:write', path: '/admin/partners', title: 'Partners', about: 'Partner webhooks, secrets, API credentials, delivery logs.' },
  { scope: 'notifications:write', path: '/admin/messages', title: 'Messages', about: 'The emails the store sent customers; send a failed one again.' },
  { scope: 'orders:manage', path: '/admin/clock', title: 'Store clock', about: 'The sandbox store’s time, and moving it forward to rehearse the policy.' },
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
    throw data({ message: 'The back office is for the store’s staff. Your account is a customer account, so there is nothing for you here.' }, { status: 403 });
  }
  if (scope && !scopes.includes(scope)) {
    throw data({ message: `This page needs the “${scope}” permission, which your staff account does not have.` }, { status: 403 });
  }
  return { ...session, scopes };
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
