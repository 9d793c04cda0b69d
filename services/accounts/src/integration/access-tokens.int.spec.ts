import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, base64url, createLocalJWKSet, decodeProtectedHeader, generateKeyPair, importJWK, type JSONWebKeySet } from 'jose';
import { createTokenVerifier } from '@vitrine/platform';
import { eventually } from '@vitrine/testing';
import { staffScopes } from '../domain/roles.js';
import { graphql } from '../__generated__/index.js';
import { signAccessToken } from '../security/access-token-signer.js';
import { SigningKey } from '../store/signing-key.entity.js';
import { findSigningKey, rotateSigningKey } from '../use-cases/signing-keys.js';
import { adminCredentials, bootAccounts, goodPassword, issuer, signIn, signUp, type AccountsHarness, type SignedIn } from './harness.js';

let accounts: AccountsHarness;
let ann: SignedIn;
let activeKey: SigningKey;
/** Short, so the staged rotation completes within the test. */
// Longer than any slow machine takes to check the lead time's state; tests end it on a controlled clock (leadTimeOver).
const leadSeconds = 600;

beforeAll(async () => {
  accounts = await bootAccounts('accounts_tokens', { KEY_PUBLISH_LEAD_SECONDS: String(leadSeconds) });
  ann = await signUp(accounts);
  activeKey = (await findSigningKey(accounts.service.orm.em.fork()))!;
});
afterAll(async () => {
  await accounts?.stop();
});

const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
const subject = () => ({ customerId: ann.id, roles: ['customer'], scopes: [] });

describe('tokens the verifier refuses', () => {
  it('expired (signed with the real key, exp in the past)', async () => {
    const token = await signAccessToken(activeKey, subject(), { issuer: 'vitrine-accounts', ttlSeconds: 60, now: new Date(Date.now() - 3600_000) });
    expect(await accounts.verify(token)).toEqual({ ok: false, reason: 'EXPIRED' });
  });

  it('signed by another key under the real kid', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const token = await new SignJWT({ roles: ['admin'], scope: 'keys:rotate' })
      .setProtectedHeader({ alg: 'ES256', kid: activeKey.kid })
      .setIssuer('vitrine-accounts')
      .setAudience('vitrine')
      .setSubject(ann.id)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    expect(await accounts.verify(token)).toEqual({ ok: false, reason: 'INVALID' });
  });

  it('from the wrong issuer or for the wrong audience', async () => {
    const wrongIssuer = await signAccessToken(activeKey, subject(), { issuer: 'someone-else', ttlSeconds: 60 });
    expect(await accounts.verify(wrongIssuer)).toEqual({ ok: false, reason: 'INVALID' });
    const privateKey = await importJWK(activeKey.privateJwk, 'ES256');
    const wrongAudience = await new SignJWT({ roles: [], scope: '' })
      .setProtectedHeader({ alg: 'ES256', kid: activeKey.kid })
      .setIssuer('vitrine-accounts')
      .setAudience('another-api')
      .setSubject(ann.id)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    expect(await accounts.verify(wrongAudience)).toEqual({ ok: false, reason: 'INVALID' });
  });

  it('alg none, crafted by hand from a real token', async () => {
    const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT', kid: activeKey.kid }));
    const payload = ann.accessToken.split('.')[1];
    expect(await accounts.verify(`${header}.${payload}.`)).toEqual({ ok: false, reason: 'INVALID' });
  });

  it('HS256 keyed with the public key (algorithm confusion)', async () => {
    const secret = new TextEncoder().encode(JSON.stringify(activeKey.publicJwk));
    const token = await new SignJWT({ roles: ['admin'], scope: '' })
      .setProtectedHeader({ alg: 'HS256', kid: activeKey.kid })
      .setIssuer('vitrine-accounts')
      .setAudience('vitrine')
      .setSubject(ann.id)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(secret);
    expect(await accounts.verify(token)).toEqual({ ok: false, reason: 'INVALID' });
  });

  it('a bad bearer token is refused by the service itself, not downgraded to anonymous', async () => {
    const [header, , signature] = ann.accessToken.split('.');
    const payload = base64url.encode(JSON.stringify({ ...claimsOf(ann.accessToken), roles: ['admin'] }));
    const tampered = `${header}.${payload}.${signature}`;
    const res = await accounts.call(
      graphql(`
        query TokensMe {
          me {
            id
          }
        }
      `),
      {},
      { token: tampered },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('signing key rotation (staged)', () => {
  const rotate = graphql(`
    mutation TokensRotate {
      rotateSigningKey {
        kid
        algorithm
        createdAt
        activatesAt
        retiredAt
        status
      }
    }
  `);
  const listKeys = graphql(`
    query TokensSigningKeys {
      signingKeys {
        kid
        status
        activatesAt
        retiredAt
      }
    }
  `);
  const jwksKids = async () => ((await (await fetch(accounts.jwksUrl)).json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid);
  const jwksSnapshot = async () => createLocalJWKSet((await (await fetch(accounts.jwksUrl)).json()) as JSONWebKeySet);
  /** A verifier holding the JWKS as it was at this moment (never refetching): the worst a cache can do. */
  const verifierWithCachedJwks = async () => createTokenVerifier({ jwksUrl: accounts.jwksUrl, issuer }, await jwksSnapshot());
  /**
   * The lead time passes without a sleep: the pending key's schedule is brought
   * to now, and the key it replaces retires at that instant, which is what the
   * service sees when the clock reaches activatesAt.
   */
  const leadTimeOver = (kid: string) =>
    accounts.service.orm.em
      .fork()
      .getConnection()
      .execute(
        `with moved as (update accounts.signing_key set activates_at = now() where kid = ? and activates_at > now() returning activates_at)
         update accounts.signing_key set retired_at = (select activates_at from moved) where kid <> ? and retired_at > now()`,
        [kid, kid],
      );
  const kidOf = (token: string) => decodeProtectedHeader(token).kid;
  // Signed in before any rotation: the service's own verifier (which cached the JWKS early and, with this short
  // lead time, may not know the newest kid for up to its 30 s cooldown) accepts this token throughout.
  let admin: SignedIn;
  beforeAll(async () => {
    admin = await signIn(accounts, adminCredentials.email, adminCredentials.password);
  });

  it('only admins (keys:rotate) may rotate or list the keys', async () => {
    expect((await accounts.call(rotate, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await accounts.call(rotate, {}, { token: ann.accessToken })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await accounts.call(listKeys, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await accounts.call(listKeys, {}, { token: ann.accessToken })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Staff holding every back-office scope still lack keys:rotate, an admin power.
    const sam = await signUp(accounts);
    const grant = graphql(`
      mutation TokensGrant($id: ID!, $scopes: [String!]!) {
        grantStaffRole(customerId: $id, scopes: $scopes) {
          id
        }
      }
    `);
    expect((await accounts.call(grant, { id: sam.id, scopes: [...staffScopes] }, { token: admin.accessToken })).errors).toBeUndefined();
    const staff = await signIn(accounts, sam.email, goodPassword);
    expect((await accounts.call(rotate, {}, { token: staff.accessToken })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await accounts.call(listKeys, {}, { token: staff.accessToken })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('publishes the new key first, signs with it only after the lead time, and keeps tokens of both keys valid', async () => {
    const before = await signUp(accounts);
    const oldKid = kidOf(before.accessToken);
    const cachedBeforeRotation = await verifierWithCachedJwks();

    const rotated = await accounts.call(rotate, {}, { token: admin.accessToken });
    expect(rotated.errors).toBeUndefined();
    const next = rotated.data!.rotateSigningKey;
    expect(next).toMatchObject({ algorithm: 'ES256', status: 'PENDING', retiredAt: null });
    expect(Date.parse(next.activatesAt) - Date.parse(next.createdAt)).toBe(leadSeconds * 1000);
    const newKid = next.kid;
    expect(newKid).not.toBe(oldKid);

    // The key that signed until now still signs the tokens issued now...
    const during = await signIn(accounts, before.email, goodPassword);
    expect(kidOf(during.accessToken)).toBe(oldKid);
    // ...and the new one is published at once, next to it.
    expect(await jwksKids()).toEqual([newKid, oldKid]);
    const cachedDuringLead = await verifierWithCachedJwks();
    const listed = await accounts.call(listKeys, {}, { token: admin.accessToken });
    expect(listed.data!.signingKeys.slice(0, 2)).toEqual([
      { kid: newKid, status: 'PENDING', activatesAt: next.activatesAt, retiredAt: null },
      { kid: oldKid, status: 'ACTIVE', activatesAt: expect.any(String), retiredAt: next.activatesAt },
    ]);

    // Once the lead time has passed, new tokens carry the new kid.
    await leadTimeOver(newKid);
    const after = await eventually(
      async () => {
        const session = await signIn(accounts, before.email, goodPassword);
        return kidOf(session.accessToken) === newKid && session;
      },
      { timeoutMs: 10_000 },
    );
    expect(claimsOf(after.accessToken).sub).toBe(before.id);

    // Tokens of both keys verify: with a freshly fetched JWKS, and with one fetched during the lead time and never refreshed.
    for (const verify of [accounts.verify, cachedDuringLead]) {
      for (const token of [before.accessToken, during.accessToken, after.accessToken]) {
        expect(await verify(token)).toMatchObject({ ok: true, caller: { id: before.id } });
      }
    }
    // The lead time is what covers caches: a JWKS fetched before the rotation knows only the old key.
    expect(await cachedBeforeRotation(before.accessToken)).toMatchObject({ ok: true });
    expect(await cachedBeforeRotation(after.accessToken)).toEqual({ ok: false, reason: 'INVALID' });

    // The old key retired when the new one activated, and stays published for a token lifetime.
    expect(await jwksKids()).toEqual([newKid, oldKid]);
    const relisted = await accounts.call(listKeys, {}, { token: admin.accessToken });
    const [activeNow, retiredNow] = relisted.data!.signingKeys;
    expect([activeNow, retiredNow]).toMatchObject([
      { kid: newKid, status: 'ACTIVE', retiredAt: null },
      { kid: oldKid, status: 'RETIRED', retiredAt: activeNow!.activatesAt },
    ]);
    const [audit] = await accounts.service.orm.em
      .fork()
      .getConnection()
      .execute("select actor, details from accounts.audit_entry where action = 'signing-key.rotated' and subject = ?", [newKid]);
    expect(audit).toEqual({ actor: admin.id, details: { activatesAt: next.activatesAt, retires: [oldKid] } });
  });

  it('one rotation at a time: rotating while a key is pending is refused, concurrent rotations leave one pending key', async () => {
    const orm = accounts.service.orm;
    // Rotations started together serialise: the first schedules a key, the second finds it pending.
    const results = await Promise.allSettled([rotateSigningKey(orm.em.fork(), null, leadSeconds), rotateSigningKey(orm.em.fork(), null, leadSeconds)]);
    const scheduled = results.filter((r) => r.status === 'fulfilled').map((r) => r.value);
    expect(scheduled).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')?.reason).toMatchObject({ code: 'POLICY_VIOLATION', details: { rule: 'ROTATION_IN_PROGRESS' } });
    const pending = scheduled[0]!;

    const again = await accounts.call(rotate, {}, { token: admin.accessToken });
    expect(again.errors?.[0]?.extensions).toMatchObject({
      code: 'POLICY_VIOLATION',
      rule: 'ROTATION_IN_PROGRESS',
      kid: pending.kid,
      activatesAt: pending.activatesAt.toISOString(),
      retryAfterSeconds: expect.any(Number),
    });
    const rows = await orm.em.fork().find(SigningKey, { retiredAt: null });
    expect(rows.map((k) => k.kid)).toEqual([pending.kid]);

    // Once it signs, the next rotation may start.
    await leadTimeOver(pending.kid);
    const later = await eventually(async () => (await accounts.call(rotate, {}, { token: admin.accessToken })).data?.rotateSigningKey, { timeoutMs: 10_000 });
    expect(later.status).toBe('PENDING');
  });
});
