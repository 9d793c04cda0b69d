import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, type JWTVerifyGetKey } from 'jose';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { accessToken, createTokenVerifier } from './access-token.js';

// The verifier's memory of tokens it has verified: the same token again costs
// no signature check, but never past its expiry, nor past maxAgeMs (a key
// withdrawn from the JWKS stops it), and what a caller does with the answer
// does not change the next one.
const issuer = 'https://accounts.vitrine.test';
let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
let keys: JWTVerifyGetKey;

beforeAll(async () => {
  const pair = await generateKeyPair('ES256', { extractable: true });
  privateKey = pair.privateKey;
  keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256' }] });
});
afterEach(() => {
  vi.useRealTimers();
});

const token = (lifetimeSeconds: number, scope = 'orders:manage') =>
  new SignJWT({ roles: ['staff'], scope })
    .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
    .setIssuer(issuer)
    .setAudience(accessToken.audience)
    .setSubject('7b0c1f7e-8a43-4d55-9d4c-0b6f3f0e2a11')
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + lifetimeSeconds)
    .sign(privateKey);

/** The key lookups a verifier makes: one per signature it checks. */
function counting() {
  let lookups = 0;
  const counted: JWTVerifyGetKey = (header, input) => {
    lookups++;
    return keys(header, input);
  };
  return { keys: counted, lookups: () => lookups };
}

describe('token verifier memory', () => {
  it('checks a token once, then answers from memory with a copy the caller may change', async () => {
    const keyLookups = counting();
    const verify = createTokenVerifier({ jwksUrl: 'http://unused.test/jwks', issuer }, keyLookups.keys);
    const jwt = await token(600);
    const first = await verify(jwt);
    expect(first).toEqual({ ok: true, caller: { id: '7b0c1f7e-8a43-4d55-9d4c-0b6f3f0e2a11', roles: ['staff'], scopes: ['orders:manage'] } });
    if (first.ok) first.caller.scopes.push('keys:rotate');
    expect(await verify(jwt)).toEqual(await createTokenVerifier({ jwksUrl: 'http://unused.test/jwks', issuer, cache: false }, keys)(jwt));
    expect(keyLookups.lookups()).toBe(1);
    // Another token is checked on its own.
    await verify(await token(600, 'catalog:write'));
    expect(keyLookups.lookups()).toBe(2);
  });

  it('forgets a token at its expiry (with the clock tolerance) and after maxAgeMs', async () => {
    vi.useFakeTimers({ now: Date.now(), toFake: ['Date'] });
    const keyLookups = counting();
    const verify = createTokenVerifier({ jwksUrl: 'http://unused.test/jwks', issuer, cache: { maxEntries: 10, maxAgeMs: 30_000 } }, keyLookups.keys);
    const shortLived = await token(10);
    const longLived = await token(3600);
    expect(await verify(shortLived)).toMatchObject({ ok: true });
    expect(await verify(longLived)).toMatchObject({ ok: true });
    vi.advanceTimersByTime(20_000);
    // Past its exp + 5 s tolerance: checked again, and refused as expired.
    expect(await verify(shortLived)).toEqual({ ok: false, reason: 'EXPIRED' });
    expect(await verify(longLived)).toMatchObject({ ok: true });
    expect(keyLookups.lookups()).toBe(3);
    vi.advanceTimersByTime(15_000);
    // 35 s after it was checked: past maxAgeMs, so its signature is checked again.
    expect(await verify(longLived)).toMatchObject({ ok: true });
    expect(keyLookups.lookups()).toBe(4);
  });

  it('keeps at most maxEntries tokens, forgetting the oldest; refusals are never remembered', async () => {
    const keyLookups = counting();
    const verify = createTokenVerifier({ jwksUrl: 'http://unused.test/jwks', issuer, cache: { maxEntries: 2, maxAgeMs: 60_000 } }, keyLookups.keys);
    const [a, b, c] = await Promise.all([token(600, 'a:read'), token(600, 'b:read'), token(600, 'c:read')]);
    for (const jwt of [a, b, c]) await verify(jwt);
    expect(keyLookups.lookups()).toBe(3);
    await verify(c);
    await verify(b);
    expect(keyLookups.lookups()).toBe(3);
    await verify(a);
    expect(keyLookups.lookups()).toBe(4);
    const tampered = `${a.slice(0, -4)}AAAA`;
    expect(await verify(tampered)).toEqual({ ok: false, reason: 'INVALID' });
    expect(await verify(tampered)).toEqual({ ok: false, reason: 'INVALID' });
    expect(keyLookups.lookups()).toBe(6);
  });
});
