// Test-only: who calls payments in its integration specs. The one place that
// signs tokens, so switching to another issuer (packages/testing) is one edit.
import { randomUUID } from 'node:crypto';
import { startTokenIssuer, type TestTokenIssuer } from '../../../../gateway/src/test-support/token-issuer.js';

export interface TestIdentity {
  id: string;
  headers: Record<string, string>;
}

export interface Identities {
  /** What payments must be told to verify these tokens. */
  env: { AUTH_JWKS_URL: string; AUTH_ISSUER: string };
  customer(): Promise<TestIdentity>;
  staff(scopes?: string[]): Promise<TestIdentity>;
  stop(): Promise<void>;
}

export async function startIdentities(): Promise<Identities> {
  const issuer: TestTokenIssuer = await startTokenIssuer();
  const identity = async (roles: string[], scope: string): Promise<TestIdentity> => {
    const id = randomUUID();
    const token = await issuer.sign({ sub: id, roles, scope });
    return { id, headers: { authorization: `Bearer ${token}` } };
  };
  return {
    env: { AUTH_JWKS_URL: issuer.jwksUrl, AUTH_ISSUER: issuer.issuer },
    customer: () => identity(['customer'], ''),
    staff: (scopes = ['payments:write']) => identity(['staff'], scopes.join(' ')),
    stop: () => issuer.stop(),
  };
}
