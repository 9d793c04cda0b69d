import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInput } from '@vitrine/platform';
import type { AccountsRuntime } from '../config/accounts-runtime.js';
import { isRecentSignIn } from '../domain/reauthentication.js';
import type { Customer } from '../store/customer.entity.js';
import { ExternalIdentity } from '../store/external-identity.entity.js';
import { attemptPassword } from './login-attempts.js';
import { verifyExternalToken } from './verify-external-token.js';

export interface Reauthentication {
  password?: string | null;
  /** A fresh ID token from a provider bound to the account (accounts without a password). */
  external?: { provider: string; idToken: string } | null;
}

/**
 * A signed-in customer proves it is really them before something drastic
 * (deleting the account). A password attempt is counted by the sign-in
 * throttle, so a stolen access token cannot be used to guess it. A wrong
 * proof is a form error, not UNAUTHENTICATED: the session is still good.
 */
export async function reauthenticate(
  em: EntityManager,
  runtime: AccountsRuntime,
  customer: Customer,
  proof: Reauthentication,
  clientAddress: string,
): Promise<void> {
  if (proof.password) return checkPassword(em, runtime, customer, proof.password, clientAddress);
  if (proof.external) return checkExternalSignIn(em, runtime, customer, proof.external);
  throw new BadUserInput('Please confirm it is you.', [
    { field: 'password', reason: 'REQUIRED', message: 'Enter your password (or sign in again with your external account).' },
  ]);
}

async function checkPassword(em: EntityManager, runtime: AccountsRuntime, customer: Customer, password: string, clientAddress: string) {
  if ((await attemptPassword(em, runtime.dummyHash, { email: customer.email, clientAddress }, customer, password)) === 'wrong') {
    throw new BadUserInput('Your password is not correct.', [
      { field: 'password', reason: 'INCORRECT_PASSWORD', message: 'Enter the password you sign in with.' },
    ]);
  }
}

async function checkExternalSignIn(em: EntityManager, runtime: AccountsRuntime, customer: Customer, proof: { provider: string; idToken: string }) {
  const claims = await verifyExternalToken(runtime, proof.provider, proof.idToken);
  const bound = await em.findOne(ExternalIdentity, { provider: proof.provider, subject: claims.sub, customerId: customer.id });
  if (!bound) {
    throw new BadUserInput('That sign-in is not one of this account’s.', [
      { field: 'externalIdentity', reason: 'NOT_THIS_ACCOUNT', message: `Sign in with the ${proof.provider} account you use here.` },
    ]);
  }
  if (!isRecentSignIn(claims, new Date())) {
    throw new BadUserInput('Please sign in again first.', [
      { field: 'externalIdentity', reason: 'SIGN_IN_TOO_OLD', message: `Sign in with ${proof.provider} again, then retry within 10 minutes.` },
    ]);
  }
}
