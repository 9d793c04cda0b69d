// Test-only: a real OpenID Provider (oidc-provider) in this process, and a client that drives its authorization code flow.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import Provider from 'oidc-provider';
import { freePort } from '@vitrine/local-infra';

export interface TestAccount {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export interface TestClient {
  clientId: string;
  clientSecret: string;
  /** Where the provider may send the browser back (default: a storefront address only `idTokenFor` follows). */
  redirectUris?: string[];
}

export interface RunningOidcProvider {
  issuer: string;
  /** Makes `account` known, so a browser can sign in as it on the provider's own login page (by its email). */
  addAccount(account: TestAccount): void;
  /** Runs the authorization code flow as `account` for `client` (login and consent granted) and returns the ID token. */
  idTokenFor(client: TestClient, account: TestAccount): Promise<string>;
  /** Signs arbitrary claims with the provider's own published key (for tokens the flow would never issue, e.g. expired). */
  sign(claims: Record<string, unknown>, times: { issuedAt: number; expiresAt: number }): Promise<string>;
  stop(): Promise<void>;
}

const redirectUri = 'https://storefront.example/auth/callback';

export async function startOidcProvider(clients: TestClient[]): Promise<RunningOidcProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  const accounts = new Map<string, TestAccount>();

  const provider = new Provider(issuer, {
    clients: clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: c.redirectUris ?? [redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    jwks: { keys: [{ ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' }] },
    findAccount: async (_ctx: unknown, sub: string) => {
      const account = accounts.get(sub);
      return account ? { accountId: sub, claims: async () => ({ ...account }) } : undefined;
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // Scope claims in the ID token itself, as Google's and most consumer providers' are.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, AuthorizationCode: 60, IdToken: 600 },
    adapter: MemoryAdapter,
  } as any);

  const handle = provider.callback();
  const server: Server = createServer((req, res) => {
    if (!req.url?.startsWith('/interaction/')) return void handle(req, res);
    void (async () => {
      const details: any = await provider.interactionDetails(req, res);
      // A browser (no login_hint) goes through the provider's own login and consent pages.
      if (!details.params.login_hint) return interactWithPerson(provider, accounts, details, req, res);
      // The user "logs in" as the login_hint account and consents to every requested scope.
      const grant = new (provider as any).Grant({ accountId: details.params.login_hint, clientId: details.params.client_id });
      grant.addOIDCScope(details.params.scope);
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: details.params.login_hint }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
    })().catch((err) => {
      res.statusCode = 500;
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));

  return {
    issuer,
    addAccount: (account) => void accounts.set(account.sub, account),
    async idTokenFor(client, account) {
      accounts.set(account.sub, account);
      const code = await authorize(issuer, client, account.sub);
      const res = await fetch(`${issuer}/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ grant_type: 'authorization_code', code: code.code, redirect_uri: redirectUri, code_verifier: code.verifier }),
      });
      const body = (await res.json()) as { id_token?: string };
      if (!body.id_token) throw new Error(`token endpoint: ${res.status} ${JSON.stringify(body)}`);
      return body.id_token;
    },
    sign: (claims, times) => signWith(privateKey, kid, issuer, claims, times),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function formOf(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  return new URLSearchParams(body);
}

/**
 * The provider's pages for a person in a browser: "Sign in to Test IdP" (an email of a known account, no
 * password: this provider is for tests), then the consent page ("Allow" or "Deny": a denial is the
 * `access_denied` error back at the client).
 */
async function interactWithPerson(provider: any, accounts: Map<string, TestAccount>, details: any, req: IncomingMessage, res: ServerResponse) {
  const html = (body: string) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body);
  };
  const action = req.url!.split('?')[0]!.split('/')[3];
  const base = `/interaction/${details.uid}`;
  if (details.prompt.name === 'login') {
    if (req.method === 'POST' && action === 'login') {
      const email = (await formOf(req)).get('email')?.trim().toLowerCase();
      const account = [...accounts.values()].find((a) => a.email?.toLowerCase() === email);
      if (account) return provider.interactionFinished(req, res, { login: { accountId: account.sub } }, { mergeWithLastSubmission: false });
      return html(page('Sign in to Test IdP', `<p role="alert">No account with that email.</p>${loginForm(base)}`));
    }
    return html(page('Sign in to Test IdP', loginForm(base)));
  }
  if (req.method === 'POST' && action === 'confirm') {
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
    grant.addOIDCScope(details.params.scope);
    return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
  }
  if (req.method === 'POST' && action === 'deny') {
    return provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: 'The person denied the request.' },
      { mergeWithLastSubmission: false },
    );
  }
  const asked = escapeHtml(String(details.params.scope));
  return html(
    page(
      'Allow access?',
      `<p><strong>${escapeHtml(String(details.params.client_id))}</strong> asks for: ${asked}.</p>` +
        `<form method="post" action="${base}/confirm"><button type="submit">Allow</button></form>` +
        `<form method="post" action="${base}/deny"><button type="submit">Deny</button></form>`,
    ),
  );
}

const loginForm = (base: string) =>
  `<form method="post" action="${base}/login"><label for="email">Email at Test IdP</label> <input id="email" name="email" type="email" required> <button type="submit">Continue</button></form>`;

/** The browser's part: /auth, the interaction, back to /auth, until the redirect to the storefront carries the code. */
async function authorize(issuer: string, client: TestClient, sub: string): Promise<{ code: string; verifier: string }> {
  const verifier = randomBytes(32).toString('base64url');
  const query = new URLSearchParams({
    client_id: client.clientId,
    response_type: 'code',
    scope: 'openid email profile',
    redirect_uri: redirectUri,
    state: randomUUID(),
    nonce: randomUUID(),
    login_hint: sub,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  });
  const cookies = new Map<string, string>();
  let url = `${issuer}/auth?${query}`;
  for (let hop = 0; hop < 10; hop++) {
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = [pair!.slice(0, pair!.indexOf('=')), pair!.slice(pair!.indexOf('=') + 1)];
      if (value) cookies.set(name, value);
      else cookies.delete(name);
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`authorization flow stopped at ${url}: ${res.status} ${await res.text()}`);
    const next = new URL(location, url);
    if (next.href.startsWith(redirectUri)) {
      const code = next.searchParams.get('code');
      if (!code) throw new Error(`authorization refused: ${next.search}`);
      return { code, verifier };
    }
    url = next.href;
  }
  throw new Error('authorization flow did not finish');
}

function signWith(
  key: CryptoKey,
  kid: string,
  issuer: string,
  claims: Record<string, unknown>,
  times: { issuedAt: number; expiresAt: number },
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
    .setIssuer(issuer)
    .setIssuedAt(times.issuedAt)
    .setExpirationTime(times.expiresAt)
    .sign(key);
}

/** oidc-provider's storage contract, in a Map (its built-in one warns on every start). */
class MemoryAdapter {
  private static readonly store = new Map<string, any>();
  constructor(private readonly model: string) {}
  private key = (id: string) => `${this.model}:${id}`;
  async upsert(id: string, payload: any) {
    MemoryAdapter.store.set(this.key(id), payload);
  }
  async find(id: string) {
    return MemoryAdapter.store.get(this.key(id));
  }
  async findByUid(uid: string) {
    return [...MemoryAdapter.store.entries()].find(([k, v]) => k.startsWith(`${this.model}:`) && v.uid === uid)?.[1];
  }
  async findByUserCode(userCode: string) {
    return [...MemoryAdapter.store.entries()].find(([k, v]) => k.startsWith(`${this.model}:`) && v.userCode === userCode)?.[1];
  }
  async consume(id: string) {
    const payload = MemoryAdapter.store.get(this.key(id));
    if (payload) payload.consumed = Math.floor(Date.now() / 1000);
  }
  async destroy(id: string) {
    MemoryAdapter.store.delete(this.key(id));
  }
  async revokeByGrantId(grantId: string) {
    for (const [k, v] of MemoryAdapter.store) if (v.grantId === grantId) MemoryAdapter.store.delete(k);
  }
}
