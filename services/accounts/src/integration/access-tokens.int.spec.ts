import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, base64url, decodeProtectedHeader, generateKeyPair, importJWK } from 'jose';
import { signAccessToken } from '../security/access-token-signer.js';
import { SigningKey } from '../store/signing-key.entity.js';
import { findActiveSigningKey, rotateSigningKey } from '../use-cases/signing-keys.js';
import { adminCredentials, bootAccounts, signIn, signUp, type AccountsHarness, type SignedIn } from './harness.js';

let accounts: AccountsHarness;
let ann: SignedIn;
let activeKey: SigningKey;

beforeAll(async () => {
  accounts = await bootAccounts('accounts_tokens');
  ann = await signUp(accounts);
  activeKey = (await findActiveSigningKey(accounts.service.orm.em.fork()))!;
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
      .setIssuer('vitrine-accounts').setAudience('vitrine').setSubject(ann.id).setIssuedAt().setExpirationTime('5m')
      .sign(privateKey);
    expect(await accounts.verify(token)).toEqual({ ok: false, reason: 'INVALID' });
  });

  it('from the wrong issuer or for the wrong audience', async () => {
    const wrongIssuer = await signAccessToken(activeKey, subject(), { issuer: 'someone-else', ttlSeconds: 60 });
    expect(await accounts.verify(wrongIssuer)).toEqual({ ok: false, reason: 'INVALID' });
    const privateKey = await importJWK(activeKey.privateJwk, 'ES256');
    const wrongAudience = await new SignJWT({ roles: [], scope: '' })
      .setProtectedHeader({ alg: 'ES256', kid: activeKey.kid })
      .setIssuer('vitrine-accounts').setAudience('another-api').setSubject(ann.id).setIssuedAt().setExpirationTime('5m')
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
      .setIssuer('vitrine-accounts').setAudience('vitrine').setSubject(ann.id).setIssuedAt().setExpirationTime('5m')
      .sign(secret);
    expect(await accounts.verify(token)).toEqual({ ok: false, reason: 'INVALID' });
  });

  it('a bad bearer token is refused by the service itself, not downgraded to anonymous', async () => {
    const [header, , signature] = ann.accessToken.split('.');
    const payload = base64url.encode(JSON.stringify({ ...claimsOf(ann.accessToken), roles: ['admin'] }));
    const tampered = `${header}.${payload}.${signature}`;
    const res = await accounts.call('{ me { id } }', {}, { token: tampered });
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('signing key rotation', () => {
  const rotate = 'mutation { rotateSigningKey { kid algorithm } }';

  it('only admins (or keys:rotate) may rotate', async () => {
    expect((await accounts.call(rotate)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await accounts.call(rotate, {}, { token: ann.accessToken })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps tokens signed before the rotation valid, and signs new ones with the new kid', async () => {
    const admin = await signIn(accounts, adminCredentials.email, adminCredentials.password);
    const before = await signUp(accounts);
    const oldKid = decodeProtectedHeader(before.accessToken).kid;

    const rotated = await accounts.call(rotate, {}, { token: admin.accessToken });
    expect(rotated.errors).toBeUndefined();
    const newKid = rotated.data.rotateSigningKey.kid;
    expect(newKid).not.toBe(oldKid);

    const after = await signIn(accounts, before.email, 'Passw0rd!');
    expect(decodeProtectedHeader(after.accessToken).kid).toBe(newKid);
    expect(await accounts.verify(before.accessToken)).toMatchObject({ ok: true });
    expect(await accounts.verify(after.accessToken)).toMatchObject({ ok: true });
    expect(claimsOf(after.accessToken).sub).toBe(before.id);

    const { keys } = (await (await fetch(accounts.jwksUrl)).json()) as { keys: { kid: string }[] };
    expect(keys.map((k) => k.kid)).toEqual([newKid, oldKid]);
    const rows = await accounts.service.orm.em.fork().find(SigningKey, {}, { orderBy: { createdAt: 'asc' } });
    expect(rows.filter((k) => !k.retiredAt).map((k) => k.kid)).toEqual([newKid]);
    const [audit] = await accounts.service.orm.em.fork().getConnection().execute("select actor, details from accounts.audit_entry where action = 'signing-key.rotated' and subject = ?", [newKid]);
    expect(audit).toMatchObject({ actor: admin.id, details: { retired: [oldKid] } });
  });

  it('concurrent rotations serialise: both succeed and exactly one key stays active', async () => {
    const orm = accounts.service.orm;
    const [a, b] = await Promise.all([rotateSigningKey(orm.em.fork(), null), rotateSigningKey(orm.em.fork(), null)]);
    const active = await orm.em.fork().find(SigningKey, { retiredAt: null });
    expect(active.map((k) => k.kid)).toHaveLength(1);
    expect([a.kid, b.kid]).toContain(active[0]!.kid);
  });
});
