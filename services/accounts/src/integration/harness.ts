// Test-only helpers for the accounts integration tests (excluded from the build).
import { randomBytes, randomUUID } from 'node:crypto';
import { freePort } from '@vitrine/local-infra';
import { accessToken, createTokenVerifier, type RunningService } from '@vitrine/platform';
import { bootService, createTestDatabase, createTopicPrefix, gql, type GraphQLResponse, type TypedDocumentNode } from '@vitrine/testing';
import { accountsService } from '../accounts-service.js';
import { graphql } from '../__generated__/index.js';

export const issuer = 'vitrine-accounts';
export const goodPassword = 'Shelf-Figure-7!';
export const adminCredentials = { email: 'root@vitrine.test', password: 'Adm1n-Passw0rd!' };

export interface AccountsHarness {
  service: RunningService;
  url: string;
  jwksUrl: string;
  databaseUrl: string;
  /** This file's topic prefix on the shared Kafka broker (to listen to what accounts publishes). */
  topicPrefix: string;
  /** A GraphQL call as a given client address (the gateway's x-forwarded-for) and optional bearer token. */
  call<TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
    options?: { token?: string; address?: string },
  ): Promise<GraphQLResponse<TData>>;
  /** A verifier like the gateway's, with its own fresh JWKS cache. */
  verify(token: string): ReturnType<ReturnType<typeof createTokenVerifier>>;
  stop(): Promise<void>;
}

/**
 * Boots accounts on a known port, so the platform's caller identifier can
 * fetch this very service's JWKS (AUTH_JWKS_URL) and bearer tokens work.
 */
export async function bootAccounts(label: string, extra: Record<string, string> = {}): Promise<AccountsHarness> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const jwksUrl = `${base}${accessToken.jwksPath}`;
  const databaseUrl = extra.DATABASE_URL ?? (await createTestDatabase(label));
  const topicPrefix = createTopicPrefix(label);
  const service = await bootService(accountsService, {
    databaseUrl,
    topicPrefix,
    extra: {
      PORT: String(port),
      AUTH_JWKS_URL: jwksUrl,
      AUTH_ISSUER: issuer,
      BOOTSTRAP_ADMIN_EMAIL: adminCredentials.email,
      BOOTSTRAP_ADMIN_PASSWORD: adminCredentials.password,
      ...extra,
    },
  });
  return {
    service,
    url: service.url,
    jwksUrl,
    databaseUrl,
    topicPrefix,
    call: (document, variables, options = {}) =>
      gql(service.url, document, variables, {
        'x-forwarded-for': options.address ?? '192.0.2.1',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      }),
    verify: (token) => createTokenVerifier({ jwksUrl, issuer })(token),
    stop: () => service.stop(),
  };
}

export const uniqueEmail = (tag = 'ann') => `${tag}.${randomUUID().slice(0, 8)}@example.com`;
/** A client address nobody else in the file uses, so throttling counters do not mix across tests. */
export const uniqueAddress = () => `10.${[...randomBytes(3)].join('.')}`;

export const registerMutation = graphql(`
  mutation HarnessRegister($input: RegisterInput!) {
    register(input: $input) {
      id
      email
      displayName
      country
      roles
      createdAt
    }
  }
`);
export const loginMutation = graphql(`
  mutation HarnessLogin($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      accessToken
      refreshToken
      expiresIn
      customer {
        id
        email
        roles
      }
    }
  }
`);
export const refreshMutation = graphql(`
  mutation HarnessRefresh($token: String!) {
    refreshSession(refreshToken: $token) {
      accessToken
      refreshToken
      customer {
        id
        roles
      }
    }
  }
`);

export interface SignedIn {
  id: string;
  email: string;
  accessToken: string;
  refreshToken: string;
}

/** Registers a fresh customer and signs them in. */
export async function signUp(harness: AccountsHarness, overrides: Partial<{ email: string; country: string; displayName: string }> = {}): Promise<SignedIn> {
  const email = overrides.email ?? uniqueEmail();
  const registered = await harness.call(registerMutation, {
    input: { email, password: goodPassword, country: overrides.country ?? 'JP', displayName: overrides.displayName ?? 'Ann' },
  });
  if (registered.errors) throw new Error(JSON.stringify(registered.errors));
  return signIn(harness, email, goodPassword);
}

export async function signIn(harness: AccountsHarness, email: string, password: string, address?: string): Promise<SignedIn> {
  const res = await harness.call(loginMutation, { email, password }, { address: address ?? uniqueAddress() });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  const { accessToken, refreshToken, customer } = res.data!.login;
  return { id: customer.id, email: customer.email, accessToken, refreshToken };
}
