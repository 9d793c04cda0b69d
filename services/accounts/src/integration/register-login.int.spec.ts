import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeProtectedHeader } from 'jose';
import { eventually } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import { adminCredentials, bootAccounts, goodPassword, loginMutation, registerMutation, signIn, signUp, uniqueEmail, type AccountsHarness } from './harness.js';

let accounts: AccountsHarness;
const sql = <T = any>(query: string, params: unknown[] = []) => accounts.service.orm.em.fork().getConnection().execute<T[]>(query, params);

beforeAll(async () => {
  accounts = await bootAccounts('accounts_register');
});
afterAll(async () => {
  await accounts?.stop();
});

describe('register', () => {
  it('creates a customer with a normalised email, an argon2id hash and a CustomerRegistered event without PII', async () => {
    const email = uniqueEmail('Mixed.Case');
    const res = await accounts.call(registerMutation, {
      input: { email: `  ${email.toUpperCase()} `, password: goodPassword, country: 'fr', displayName: ' Zoé ' },
    });
    expect(res.errors).toBeUndefined();
    const customer = res.data!.register;
    expect(customer).toMatchObject({ email: email.toLowerCase(), displayName: 'Zoé', country: 'FR', roles: ['customer'] });

    const [row] = await sql('select password_hash from accounts.customer where id = ?', [customer.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);

    const [event] = await sql("select envelope, sent_at from accounts.outbox_message where type = 'accounts.customer.registered' and key = ?", [customer.id]);
    expect(event.envelope.data).toEqual({ customerId: customer.id, country: 'FR' });
    expect(JSON.stringify(event.envelope)).not.toContain(email.toLowerCase());
    // The address goes out once, in the event only the services that write to customers consume.
    const contact = await sql("select envelope from accounts.outbox_message where type = 'accounts.customer.contact-changed' and key = ?", [customer.id]);
    expect(contact.map((c) => c.envelope.data)).toEqual([{ customerId: customer.id, email: email.toLowerCase(), displayName: 'Zoé' }]);
    // The relay publishes it to Kafka.
    await eventually(async () => (await sql('select sent_at from accounts.outbox_message where key = ?', [customer.id]))[0]?.sent_at);
  });

  it('refuses the same email in another case as CONFLICT without saying more', async () => {
    const email = uniqueEmail();
    await signUp(accounts, { email });
    const res = await accounts.call(registerMutation, { input: { email: email.toUpperCase(), password: goodPassword, country: 'JP', displayName: 'Other' } });
    expect(res.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', field: 'email' });
    expect(res.errors?.[0]?.message).toBe('This email address cannot be used to create an account. If it is yours, sign in instead.');
  });

  it('reports every bad field at once and writes nothing', async () => {
    const before = await sql<{ customers: string; events: string }>(
      'select (select count(*) from accounts.customer) as customers, (select count(*) from accounts.outbox_message) as events',
    );
    const res = await accounts.call(registerMutation, { input: { email: uniqueEmail(), password: 'Ｐassword 1', country: 'XX', displayName: 'Ann' } });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.problems.map((p: { field: string; reason: string }) => `${p.field}:${p.reason}`).sort()).toEqual([
      'country:UNKNOWN_COUNTRY',
      'password:CONTAINS_SPACE',
      'password:FULL_WIDTH_CHARACTER',
      'password:MISSING_SYMBOL',
      'password:MISSING_UPPERCASE',
    ]);
    const after = await sql('select (select count(*) from accounts.customer) as customers, (select count(*) from accounts.outbox_message) as events');
    expect(after).toEqual(before);
  });
});

describe('login', () => {
  it('issues an ES256 access token that the platform verifier accepts, with the claims of the contract', async () => {
    const email = uniqueEmail();
    await signUp(accounts, { email });
    const res = await accounts.call(loginMutation, { email: ` ${email.toUpperCase()}`, password: goodPassword });
    expect(res.errors).toBeUndefined();
    const { accessToken, refreshToken, expiresIn, customer } = res.data!.login;
    expect(expiresIn).toBe(900);
    expect(refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const verdict = await accounts.verify(accessToken);
    expect(verdict).toEqual({ ok: true, caller: { id: customer.id, roles: ['customer'], scopes: [] } });
    const header = decodeProtectedHeader(accessToken);
    expect(header).toMatchObject({ alg: 'ES256', kid: expect.any(String) });
    const claims = JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString());
    expect(claims).toMatchObject({ iss: 'vitrine-accounts', aud: 'vitrine', sub: customer.id, roles: ['customer'], scope: '', jti: expect.any(String) });
    expect(claims.exp - claims.iat).toBe(900);

    const [stored] = await sql('select token_hash from accounts.refresh_token where customer_id = ?', [customer.id]);
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.token_hash).not.toContain(refreshToken);
  });

  it('answers wrong password and unknown email with the same UNAUTHENTICATED message', async () => {
    const email = uniqueEmail();
    await signUp(accounts, { email });
    const wrong = await accounts.call(loginMutation, { email, password: 'Wrong-Passw0rd' });
    const unknown = await accounts.call(loginMutation, { email: uniqueEmail('nobody'), password: goodPassword });
    for (const res of [wrong, unknown]) {
      expect(res.errors?.[0]).toMatchObject({ message: 'The email or password is incorrect.', extensions: { code: 'UNAUTHENTICATED' } });
    }
  });

  it('serves the JWKS with public keys only and a cache lifetime', async () => {
    const res = await fetch(accounts.jwksUrl);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    const { keys } = (await res.json()) as { keys: Record<string, string>[] };
    expect(keys).toHaveLength(1);
    expect(keys[0]).toEqual({ kty: 'EC', crv: 'P-256', x: expect.any(String), y: expect.any(String), kid: expect.any(String), alg: 'ES256', use: 'sig' });
  });
});

describe('profile', () => {
  const meQuery = graphql(`
    query ProfileMe {
      me {
        id
        email
        displayName
        roles
      }
    }
  `);

  it('me and updateProfile act on the signed-in customer', async () => {
    const ann = await signUp(accounts, { displayName: 'Ann' });
    expect((await accounts.call(meQuery, {}, { token: ann.accessToken })).data!.me).toEqual({
      id: ann.id,
      email: ann.email,
      displayName: 'Ann',
      roles: ['customer'],
    });
    const updated = await accounts.call(
      graphql(`
        mutation ProfileRename {
          updateProfile(input: { displayName: "  Ann Lee " }) {
            displayName
          }
        }
      `),
      {},
      { token: ann.accessToken },
    );
    expect(updated.data!.updateProfile).toEqual({ displayName: 'Ann Lee' });
    const bad = await accounts.call(
      graphql(`
        mutation ProfileBlankName {
          updateProfile(input: { displayName: " " }) {
            displayName
          }
        }
      `),
      {},
      { token: ann.accessToken },
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'displayName' }] });
  });

  it('refuses anonymous callers with UNAUTHENTICATED', async () => {
    expect((await accounts.call(meQuery, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const rename = graphql(`
      mutation ProfileAnonymousRename {
        updateProfile(input: { displayName: "X" }) {
          id
        }
      }
    `);
    expect((await accounts.call(rename, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('resolves a customer reference only for the customer and staff who handle customers (issue #17, bug 6)', async () => {
    const ann = await signUp(accounts);
    const bob = await signUp(accounts);
    const publicEntities = graphql(`
      query ProfilePublicEntities($reps: [_Any!]!) {
        _entities(representations: $reps) {
          ... on Customer {
            id
            displayName
            country
          }
        }
      }
    `);
    const entitiesWithEmail = graphql(`
      query ProfileEntitiesWithEmail($reps: [_Any!]!) {
        _entities(representations: $reps) {
          ... on Customer {
            id
            displayName
            country
            email
          }
        }
      }
    `);
    const reps = { reps: [{ __typename: 'Customer', id: ann.id }] };
    // Straight to the subgraph, anonymous or as someone else: no name, no country.
    for (const token of [undefined, bob.accessToken]) {
      const res = await accounts.call(publicEntities, reps, { token });
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(res.data ?? null)).not.toMatch(/Ann|JP/);
    }
    const admin = await signIn(accounts, adminCredentials.email, adminCredentials.password);
    const staffView = await accounts.call(entitiesWithEmail, reps, { token: admin.accessToken });
    expect(staffView.data!._entities).toEqual([{ id: ann.id, displayName: 'Ann', country: 'JP', email: ann.email }]);
    const own = await accounts.call(entitiesWithEmail, reps, { token: ann.accessToken });
    expect(own.data!._entities[0]).toMatchObject({ email: ann.email });
  });
});
