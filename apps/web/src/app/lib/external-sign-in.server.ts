import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createCookie, redirect, type AppLoadContext } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import type { OidcProviderSettings } from '../../server/config.js';
import { ApiError, callApi } from './api.server.js';
import { confirmationProviders } from './confirmation-providers.js';
import { readSessionState, safeNext, saveSession, sessionFrom } from './session.server.js';

/**
 * Sign-in with an external identity (OpenID Connect), server-side: the authorization code flow with PKCE. This
 * server makes the request (state, nonce, PKCE verifier kept in a short-lived httpOnly cookie), exchanges the code
 * at the provider's token endpoint with the client secret, and relays the ID token to accounts
 * (`loginWithExternalIdentity`), which verifies its signature, issuer, audience and times. The nonce is ours to
 * check: we made the request.
 */

/** Why an external sign-in did not end signed in; the sign-in page says each in plain words (`?external=`). */
export type ExternalSignInProblem = 'refused' | 'state' | 'unreachable' | 'rejected' | 'emailNotVerified' | 'expired' | 'failed';
export const externalSignInProblems: readonly ExternalSignInProblem[] = [
  'refused',
  'state',
  'unreachable',
  'rejected',
  'emailNotVerified',
  'expired',
  'failed',
];

const externalLoginMutation = graphql(`
  mutation StorefrontExternalLogin($provider: String!, $idToken: String!, $country: String) {
    loginWithExternalIdentity(provider: $provider, idToken: $idToken, country: $country) {
      ...StorefrontSession
    }
  }
`);

/** How long a started sign-in may take at the provider (its login and consent pages). */
const flowLifeSeconds = 10 * 60;

/** The request in flight: only this browser, back from the provider, can finish it (the state), once. */
const flowCookie = (context: AppLoadContext, maxAge?: number) =>
  createCookie('vitrine_oidc', { httpOnly: true, sameSite: 'lax', path: '/auth', secure: context.secureCookies, ...(maxAge ? { maxAge } : {}) });
/** Names the ID token of a fresh sign-in kept here as the proof the account pages send (scoped to them). */
const proofCookie = (context: AppLoadContext, maxAge?: number) =>
  createCookie('vitrine_oidc_proof', { httpOnly: true, sameSite: 'lax', path: '/account', secure: context.secureCookies, ...(maxAge ? { maxAge } : {}) });
/** Names the ID token kept here while a new customer picks their region (the token itself never leaves this server). */
const pendingCookie = (context: AppLoadContext, maxAge?: number) =>
  createCookie('vitrine_oidc_pending', { httpOnly: true, sameSite: 'lax', path: '/auth', secure: context.secureCookies, ...(maxAge ? { maxAge } : {}) });

/**
 * A sign-in; a fresh sign-in that proves it is the customer before deleting the account or changing its email; or
 * the sign-in with an identity a signed-in customer adds to their account (`link`, with the ticket of their proof).
 */
type Purpose = 'sign-in' | 'confirm' | 'link';

interface Flow {
  purpose: Purpose;
  provider: string;
  state: string;
  nonce: string;
  verifier: string;
  next: string;
  /** For `link`: accounts' single-use ticket for the proof the customer gave on the account page. */
  ticket?: string;
}

interface Discovery {
  authorizationEndpoint: string;
  tokenEndpoint: string;
}

export const providerNamed = (context: AppLoadContext, name: string | undefined): OidcProviderSettings | undefined =>
  context.oidcProviders.find((p) => p.name === name);

/** What the sign-in pages show: a button per provider (no secrets). */
export const providerButtons = (context: AppLoadContext) => context.oidcProviders.map(({ name, label }) => ({ name, label }));

/** The provider's endpoints from its discovery document, kept an hour per issuer (a failed read is not kept). */
const discoveries = new Map<string, { at: number; endpoints: Promise<Discovery> }>();
const discoveryLifeMs = 3600_000;

function discover(issuer: string): Promise<Discovery> {
  const kept = discoveries.get(issuer);
  if (kept && Date.now() - kept.at < discoveryLifeMs) return kept.endpoints;
  const endpoints = (async () => {
    const res = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new Error(`discovery of ${issuer}: ${res.status}`);
    const doc = (await res.json()) as { issuer?: unknown; authorization_endpoint?: unknown; token_endpoint?: unknown };
    // A document for another issuer is not this provider's (OpenID Connect Discovery 1.0, 4.3).
    if (doc.issuer !== issuer) throw new Error(`discovery of ${issuer} names issuer ${String(doc.issuer)}`);
    if (typeof doc.authorization_endpoint !== 'string' || typeof doc.token_endpoint !== 'string') throw new Error(`discovery of ${issuer}: no endpoints`);
    return { authorizationEndpoint: doc.authorization_endpoint, tokenEndpoint: doc.token_endpoint };
  })();
  discoveries.set(issuer, { at: Date.now(), endpoints });
  endpoints.catch(() => discoveries.delete(issuer));
  return endpoints;
}

const randomToken = () => randomBytes(32).toString('base64url');
const callbackUrl = (request: Request, provider: string) => new URL(`/auth/${provider}/callback`, request.url).href;
const problemRedirect = (problem: ExternalSignInProblem, next = '/', headers: HeadersInit = {}) =>
  redirect(`/sign-in?external=${problem}${next !== '/' ? `&next=${encodeURIComponent(next)}` : ''}`, { headers });

/**
 * `/auth/<provider>`: off to the provider's authorization endpoint, the flow's secrets in the cookie. With `link`
 * (the account page's "Link <provider>", after the customer's proof) the identity signed in with is added to the
 * signed-in account instead.
 */
export async function beginExternalSignIn(
  request: Request,
  context: AppLoadContext,
  provider: OidcProviderSettings,
  link?: { ticket: string },
): Promise<Response> {
  const query = new URL(request.url).searchParams;
  const next = link ? '/account' : safeNext(query.get('next'));
  const purpose: Purpose = link ? 'link' : query.get('confirm') === '1' ? 'confirm' : 'sign-in';
  let endpoints: Discovery;
  try {
    endpoints = await discover(provider.issuer);
  } catch (err) {
    console.error(`[web] ${provider.name}: ${(err as Error).message}`);
    return link ? linkProblemRedirect('unreachable') : problemRedirect('unreachable', next);
  }
  const flow: Flow = {
    purpose,
    provider: provider.name,
    state: randomToken(),
    nonce: randomToken(),
    verifier: randomToken(),
    next,
    ...(link ? { ticket: link.ticket } : {}),
  };
  const url = new URL(endpoints.authorizationEndpoint);
  url.search = new URLSearchParams({
    client_id: provider.clientId,
    response_type: 'code',
    scope: 'openid email profile',
    redirect_uri: callbackUrl(request, provider.name),
    state: flow.state,
    nonce: flow.nonce,
    code_challenge: createHash('sha256').update(flow.verifier).digest('base64url'),
    code_challenge_method: 'S256',
    // A proof must be a fresh sign-in (accounts takes one from the last 10 minutes): the provider asks again. So does
    // a link: the person picks the account to add, rather than whichever one the provider's session holds.
    ...(purpose !== 'sign-in' ? { prompt: 'login', max_age: '0' } : {}),
  }).toString();
  return redirect(url.href, { headers: { 'Set-Cookie': await flowCookie(context, flowLifeSeconds).serialize(flow) } });
}

const sameSecret = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

async function readFlow(request: Request, context: AppLoadContext): Promise<Flow | null> {
  const value: unknown = await flowCookie(context).parse(request.headers.get('cookie'));
  if (!value || typeof value !== 'object') return null;
  const flow = value as Partial<Flow>;
  const fields = [flow.provider, flow.state, flow.nonce, flow.verifier, flow.next];
  const purposeKnown = flow.purpose === 'sign-in' || flow.purpose === 'confirm' || (flow.purpose === 'link' && typeof flow.ticket === 'string');
  return fields.every((f) => typeof f === 'string') && purposeKnown ? (flow as Flow) : null;
}

/**
 * `/auth/<provider>/callback`: the state must be the one this browser's cookie holds (else nobody is signed in),
 * the code is exchanged for the ID token, its nonce compared, and accounts signs the customer in; a new customer
 * is first asked their region (`/auth/region`).
 */
export async function completeExternalSignIn(request: Request, context: AppLoadContext, provider: OidcProviderSettings): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const flow = await readFlow(request, context);
  // The flow's cookie is spent whatever happens: a callback works once.
  const headers = new Headers({ 'Set-Cookie': await flowCookie(context).serialize('', { maxAge: 0 }) });
  const state = params.get('state');
  if (!flow || flow.provider !== provider.name || !state || !sameSecret(state, flow.state)) return problemRedirect('state', flow?.next, headers);
  const code = params.get('code');
  const failed = (problem: ExternalSignInProblem) =>
    flow.purpose === 'link' ? linkProblemRedirect(problem, headers) : problemRedirect(problem, flow.next, headers);
  if (params.get('error') || !code) return failed('refused');

  const idToken = await exchangeCode(request, provider, code, flow.verifier);
  if (idToken === 'unreachable') return failed('unreachable');
  if (!idToken || idNonce(idToken) !== flow.nonce) return failed('rejected');
  if (flow.purpose === 'link') return finishLink(request, context, provider, { ticket: flow.ticket!, idToken }, headers);
  if (flow.purpose === 'confirm') {
    // Not a sign-in: the account page sends this token to accounts as the proof (`externalIdentity`).
    headers.append('Set-Cookie', await proofCookie(context, flowLifeSeconds).serialize(keepPending({ provider: provider.name, idToken, next: flow.next })));
    return redirect(flow.next, { headers });
  }

  try {
    const { loginWithExternalIdentity } = await callApi(context, externalLoginMutation, { provider: provider.name, idToken });
    headers.append('Set-Cookie', await saveSession(context, { ...sessionFrom(loginWithExternalIdentity), signedInWith: provider.name }));
    return redirect(flow.next, { headers });
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    if (asksForCountry(err)) {
      const id = keepPending({ provider: provider.name, idToken, next: flow.next });
      headers.append('Set-Cookie', await pendingCookie(context, flowLifeSeconds).serialize(id));
      return redirect('/auth/region', { headers });
    }
    return problemRedirect(problemOf(err), flow.next, headers);
  }
}

/** The code for the ID token at the token endpoint (client_secret_basic, the PKCE verifier); null when refused. */
async function exchangeCode(request: Request, provider: OidcProviderSettings, code: string, verifier: string): Promise<string | null | 'unreachable'> {
  try {
    const { tokenEndpoint } = await discover(provider.issuer);
    // RFC 6749 2.3.1: id and secret form-encoded before Basic.
    const basic = Buffer.from(`${encodeURIComponent(provider.clientId)}:${encodeURIComponent(provider.clientSecret)}`).toString('base64');
    const res = await fetch(tokenEndpoint, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: callbackUrl(request, provider.name), code_verifier: verifier }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await res.json().catch(() => ({}))) as { id_token?: unknown; error?: unknown };
    if (!res.ok || typeof body.id_token !== 'string') {
      console.error(`[web] ${provider.name}: token endpoint answered ${res.status} ${typeof body.error === 'string' ? body.error : ''}`);
      return null;
    }
    return body.id_token;
  } catch (err) {
    console.error(`[web] ${provider.name}: ${(err as Error).message}`);
    return 'unreachable';
  }
}

/**
 * The ID token's nonce, read from its payload. This is no verification (accounts checks the signature and every
 * other claim); the token came straight from the token endpoint, and the nonce binds it to the request we made.
 */
function idNonce(idToken: string): string | undefined {
  try {
    const claims = JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as { nonce?: unknown };
    return typeof claims.nonce === 'string' ? claims.nonce : undefined;
  } catch {
    return undefined;
  }
}

const asksForCountry = (err: ApiError) =>
  err.code === 'BAD_USER_INPUT' && Array.isArray(err.details.problems) && (err.details.problems as { field?: unknown }[]).some((p) => p.field === 'country');

function problemOf(err: ApiError): ExternalSignInProblem {
  if (err.code === 'UNAUTHENTICATED') return err.message.includes('expired') ? 'expired' : 'rejected';
  if (err.code === 'POLICY_VIOLATION' && err.details.rule === 'EMAIL_NOT_VERIFIED') return 'emailNotVerified';
  if (err.code === 'SERVICE_UNAVAILABLE' || err.code === 'UNREACHABLE') return 'unreachable';
  return 'failed';
}

/**
 * A new customer's ID token while they pick their region: kept in this process, named by a random id in an
 * httpOnly cookie, never in a URL or a page; gone once used, or when the token (or the ten minutes) runs out.
 * Several web-server processes behind a balancer would need it shared (as the session refreshes would).
 */
interface Pending {
  provider: string;
  idToken: string;
  next: string;
}
const pendingSignIns = new Map<string, Pending & { until: number }>();

function keepPending(pending: Pending): string {
  const now = Date.now();
  for (const [id, entry] of pendingSignIns) if (entry.until <= now) pendingSignIns.delete(id);
  const id = randomToken();
  pendingSignIns.set(id, { ...pending, until: now + flowLifeSeconds * 1000 });
  return id;
}

async function pendingOf(request: Request, context: AppLoadContext, cookie = pendingCookie(context)): Promise<(Pending & { id: string }) | null> {
  const id: unknown = await cookie.parse(request.headers.get('cookie'));
  if (typeof id !== 'string') return null;
  const entry = pendingSignIns.get(id);
  if (!entry || entry.until <= Date.now()) return null;
  return { id, provider: entry.provider, idToken: entry.idToken, next: entry.next };
}

/** The region step's page: which provider the customer came from, or null when there is no sign-in waiting. */
export async function pendingProvider(request: Request, context: AppLoadContext): Promise<OidcProviderSettings | null> {
  const pending = await pendingOf(request, context);
  return (pending && providerNamed(context, pending.provider)) ?? null;
}

/** Creates the account in `country` with the waiting ID token; an ApiError other than an expired sign-in is for the page to show. */
export async function finishWithRegion(request: Request, context: AppLoadContext, country: string): Promise<Response> {
  const pending = await pendingOf(request, context);
  const clear = await pendingCookie(context).serialize('', { maxAge: 0 });
  if (!pending) return problemRedirect('expired', '/', { 'Set-Cookie': clear });
  try {
    const { loginWithExternalIdentity } = await callApi(context, externalLoginMutation, { provider: pending.provider, idToken: pending.idToken, country });
    pendingSignIns.delete(pending.id);
    const headers = new Headers({ 'Set-Cookie': clear });
    headers.append('Set-Cookie', await saveSession(context, { ...sessionFrom(loginWithExternalIdentity), signedInWith: pending.provider }));
    return redirect(pending.next, { headers });
  } catch (err) {
    if (err instanceof ApiError && err.code === 'UNAUTHENTICATED') {
      pendingSignIns.delete(pending.id);
      return problemRedirect(problemOf(err), pending.next, { 'Set-Cookie': clear });
    }
    throw err;
  }
}

/** The proof a fresh external sign-in left for the account pages (`externalIdentity`), or null. */
export async function externalProof(request: Request, context: AppLoadContext): Promise<{ provider: string; label: string; idToken: string } | null> {
  const pending = await pendingOf(request, context, proofCookie(context));
  const provider = pending && providerNamed(context, pending.provider);
  return pending && provider ? { provider: provider.name, label: provider.label, idToken: pending.idToken } : null;
}

/** Spends the proof (the account was deleted or the change asked for): the cookie to clear it with. */
export async function spendProof(request: Request, context: AppLoadContext): Promise<string> {
  const pending = await pendingOf(request, context, proofCookie(context));
  if (pending) pendingSignIns.delete(pending.id);
  return proofCookie(context).serialize('', { maxAge: 0 });
}

/** Why adding an identity to the account did not happen; the account page says each in plain words (`?linkProblem=`). */
export type IdentityLinkProblem = ExternalSignInProblem | 'inUse' | 'providerLinked' | 'confirmation';
export const identityLinkProblems: readonly IdentityLinkProblem[] = [...externalSignInProblems, 'inUse', 'providerLinked', 'confirmation'];

const linkProblemRedirect = (problem: IdentityLinkProblem, headers: HeadersInit = {}) => redirect(`/account?linkProblem=${problem}`, { headers });

const linkMutation = graphql(`
  mutation StorefrontLinkExternalIdentity($ticket: String!, $provider: String!, $idToken: String!) {
    linkExternalIdentity(ticket: $ticket, provider: $provider, idToken: $idToken) {
      hasPassword
    }
  }
`);

/** Back from the provider with a link flow: accounts binds the identity to the signed-in account (the ticket proves it is them). */
async function finishLink(
  request: Request,
  context: AppLoadContext,
  provider: OidcProviderSettings,
  link: { ticket: string; idToken: string },
  headers: Headers,
): Promise<Response> {
  const { session, renewed } = await readSessionState(request, context);
  if (!session) return redirect('/sign-in?next=%2Faccount', { headers });
  if (renewed) headers.append('Set-Cookie', await saveSession(context, session));
  try {
    await callApi(context, linkMutation, { ticket: link.ticket, provider: provider.name, idToken: link.idToken }, session.accessToken);
    return redirect(`/account?linked=${encodeURIComponent(provider.name)}`, { headers });
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    return linkProblemRedirect(linkProblemOf(err), headers);
  }
}

function linkProblemOf(err: ApiError): IdentityLinkProblem {
  if (err.code === 'POLICY_VIOLATION' && err.details.rule === 'IDENTITY_LINKED_TO_ANOTHER_ACCOUNT') return 'inUse';
  if (err.code === 'POLICY_VIOLATION' && err.details.rule === 'PROVIDER_ALREADY_LINKED') return 'providerLinked';
  const problems = Array.isArray(err.details.problems) ? (err.details.problems as { field?: unknown }[]) : [];
  if (err.code === 'BAD_USER_INPUT' && problems.some((p) => p.field === 'ticket')) return 'confirmation';
  return problemOf(err);
}

/** Every provider an account without a password can confirm with (confirmation-providers.ts), the session's first. */
export const confirmableAmong = (context: AppLoadContext, bound: readonly { provider: string }[], signedInWith: string | undefined) =>
  confirmationProviders(bound, signedInWith, providerButtons(context));
