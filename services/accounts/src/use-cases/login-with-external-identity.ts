import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEntry, BadUserInput, PolicyViolation } from '@vitrine/platform';
import type { AccountsRuntime } from '../config/accounts-runtime.js';
import { decideExternalSignIn, displayNameFrom, verifiedEmailOf, type IdTokenClaims } from '../domain/external-identity.js';
import { identityLabelFrom } from '../domain/sign-in-methods.js';
import { Customer } from '../store/customer.entity.js';
import { ExternalIdentity } from '../store/external-identity.entity.js';
import { findActiveCustomer } from './active-customer.js';
import { issueSession, type Session } from './issue-session.js';
import { verifyExternalToken } from './verify-external-token.js';
import { createCustomer } from './register-customer.js';

export interface ExternalLoginCommand {
  provider: string;
  idToken: string;
  /** Needed only when the sign-in creates the account. */
  country?: string | null;
}

/**
 * Signs in with an ID token the storefront obtained from a configured OIDC
 * provider: verified here (signature, issuer, audience, expiry), then the
 * identity's account is used, linked (same verified email) or created.
 * Returns the same session as a password sign-in.
 */
export async function loginWithExternalIdentity(em: EntityManager, runtime: AccountsRuntime, command: ExternalLoginCommand): Promise<Session> {
  const claims = await verifyExternalToken(runtime, command.provider, command.idToken);
  try {
    return await signIn(em, runtime, command, claims);
  } catch (err) {
    // A concurrent first sign-in with the same identity or email won the insert: this attempt now finds its result.
    if (err instanceof UniqueConstraintViolationException) return signIn(em.fork(), runtime, command, claims);
    throw err;
  }
}

async function signIn(em: EntityManager, runtime: AccountsRuntime, command: ExternalLoginCommand, claims: IdTokenClaims & { sub: string }): Promise<Session> {
  return em.transactional(async (tx) => {
    const now = new Date();
    const identity = await tx.findOne(ExternalIdentity, { provider: command.provider, subject: claims.sub });
    const verifiedEmail = verifiedEmailOf(claims);
    const owner = !identity && verifiedEmail ? await tx.findOne(Customer, { email: verifiedEmail }) : null;
    const decision = decideExternalSignIn({
      linkedCustomerId: identity?.customerId ?? null,
      verifiedEmail,
      accountWithEmail: owner?.id ?? null,
      country: command.country,
    });

    let customer: Customer;
    switch (decision.kind) {
      case 'email-not-verified':
        throw new PolicyViolation(
          `Your ${command.provider} account has no verified email address. Verify it with ${command.provider}, or register with an email and password.`,
          'EMAIL_NOT_VERIFIED',
        );
      case 'needs-country':
        throw new BadUserInput('Welcome! Tell us your country of residence to create your account.', decision.problems);
      case 'sign-in':
        customer = await findActiveCustomer(tx, decision.customerId);
        identity!.lastUsedAt = now;
        // The label follows what the provider calls the person today (the link itself follows the subject).
        identity!.label = identityLabelFrom(claims) ?? identity!.label;
        break;
      case 'link':
        customer = owner!;
        break;
      case 'create':
        customer = createCustomer(tx, {
          email: decision.email,
          passwordHash: null,
          displayName: displayNameFrom(claims),
          country: decision.country,
          roles: ['customer'],
          // The provider verified it (decideExternalSignIn trusts no other email).
          emailVerifiedAt: now,
        });
        break;
    }
    if (decision.kind !== 'sign-in') {
      tx.persist(
        tx.create(ExternalIdentity, {
          id: randomUUID(),
          provider: command.provider,
          subject: claims.sub,
          customerId: customer.id,
          label: identityLabelFrom(claims),
          lastUsedAt: now,
        }),
      );
      tx.persist(
        tx.create(AuditEntry, {
          id: randomUUID(),
          actor: customer.id,
          action: 'external-identity.linked',
          subject: customer.id,
          details: { provider: command.provider, accountCreated: decision.kind === 'create' },
          at: now,
        }),
      );
    }
    const { session } = await issueSession(tx, runtime, customer);
    return session;
  });
}
