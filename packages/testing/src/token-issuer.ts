import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

/** A signing key as accounts holds it: private half for signing, public JWK for the JWKS. */
export interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

export async function createSigningKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' } };
}

export interface TokenOptions {
  readonly sub?: string;
  readonly roles?: string[];
  readonly scope?: string;
  readonly issuer?: string;
  readonly audience?: string;
  /** Seconds since the epoch; default an hour from now. */
  readonly expiresAt?: number;
  /** Default: the newest published key. */
  readonly key?: SigningKey;
}

/** Someone calling a service under test: an id (the token's subject) and the headers that make a request as them. */
export interface TestIdentity {
  readonly id: string;
  readonly token: string;
  readonly headers: Record<string, string>;
}

/** No token at all: the anonymous caller of public reads. */
export const anonymous = { headers: {} } as const satisfies { headers: Record<string, string> };

/**
 * A stand-in for the accounts service's token side: serves a JWKS over HTTP
 * and signs ES256 access tokens the way the platform contract describes, so
 * a service (or the gateway) can be tested without accounts running.
 */
export interface TestTokenIssuer {
  readonly jwksUrl: string;
  readonly issuer: string;
  /** How many times the JWKS was fetched. */
  readonly jwksFetches: number;
  /** Published keys, oldest first. */
  readonly keys: readonly SigningKey[];
  sign(options?: TokenOptions): Promise<string>;
  /** Publishes a new key next to the old ones and signs with it from now on. */
  rotate(kid: string): Promise<SigningKey>;
  /** A signed-in customer (role customer, no scope); a fresh id unless given. */
  customer(id?: string): Promise<TestIdentity>;
  /** A staff member holding these scopes (default: every back-office scope); a fresh id unless given. */
  staff(scopes?: readonly string[], id?: string): Promise<TestIdentity>;
  stop(): Promise<void>;
}

export const testIssuer = 'vitrine-accounts-test';

export async function startTokenIssuer(): Promise<TestTokenIssuer> {
  const keys: SigningKey[] = [await createSigningKey('key-1')];
  let jwksFetches = 0;
  const server = createServer((req, res) => {
    if (req.url !== '/.well-known/jwks.json') return void res.writeHead(404).end();
    jwksFetches++;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: keys.map((k) => k.publicJwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const identity = async (id: string, roles: string[], scopes: readonly string[]): Promise<TestIdentity> => {
    const token = await issuer.sign({ sub: id, roles, scope: scopes.join(' ') });
    return { id, token, headers: { authorization: `Bearer ${token}` } };
  };

  const issuer: TestTokenIssuer = {
    jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    issuer: testIssuer,
    get jwksFetches() {
      return jwksFetches;
    },
    keys,
    sign(options = {}) {
      const key = options.key ?? keys.at(-1)!;
      return new SignJWT({ roles: options.roles ?? ['customer'], scope: options.scope ?? '' })
        .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'JWT' })
        .setSubject(options.sub ?? 'customer-alice')
        .setIssuer(options.issuer ?? testIssuer)
        .setAudience(options.audience ?? 'vitrine')
        .setIssuedAt()
        .setExpirationTime(options.expiresAt ?? Math.floor(Date.now() / 1000) + 3600)
        .sign(key.privateKey);
    },
    async rotate(kid) {
      const key = await createSigningKey(kid);
      keys.push(key);
      return key;
    },
    customer: (id = randomUUID()) => identity(id, ['customer'], []),
    staff: (scopes: readonly string[], id = randomUUID()) => identity(id, ['staff'], [...scopes]),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  return issuer;
}

/** A token claiming no algorithm at all: header `alg: none`, empty signature. */
export function unsignedToken(claims: Record<string, unknown>, kid = 'key-1'): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT', kid })}.${encode(claims)}.`;
}
