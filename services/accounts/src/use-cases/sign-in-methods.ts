import { randomUUID } from 'node:crypto';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEntry, BadUserInput, PolicyViolation } from '@vitrine/platform';
import type { AccountsRuntime } from '../config/accounts-runtime.js';
import { judgeAccountToken } from '../domain/account-token.js';
import { decideIdentityLink, decideIdentityUnlink, identityLabelFrom } from '../domain/sign-in-methods.js';
import { hashRefreshToken } from '../security/refresh-token-secret.js';
import { AccountToken } from '../store/account-token.entity.js';
import { ExternalIdentity } from '../store/external-identity.entity.js';
import { findActiveCustomer } from './active-customer.js';
import { issueAccountToken, type IssuedAccountToken } from './account-tokens.js';
import { reauthenticate, type Reauthentication } from './reauthenticate.js';
import { verifyExternalToken } from './verify-external-token.js';

export interface SignInMethods {
  hasPassword: boolean;
  /** Oldest first; the subject (the provider's id for the person) stays here. */
  identities: { id: string; provider: string; label: string | null; linkedAt: Date; lastUsedAt: Date }[];
}

/** The signed-in customer's ways in: whether a password is set, and the identities bound to the account. */
export async function readSignInMethods(em: EntityManager, customerId: string): Promise<SignInMethods> {
  const customer = await findActiveCustomer(em, customerId);
  const identities = await em.find(ExternalIdentity, { customerId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  return {
    hasPassword: customer.passwordHash != null,
    identities: identities.map((i) => ({ id: i.id, provider: i.provider, label: i.label ?? null, linkedAt: i.createdAt, lastUsedAt: i.lastUsedAt })),
  };
}

export interface BeginIdentityLinkCommand {
  customerId: string;
  proof: Reauthentication;
  clientAddress: string;
}

/**
 * Before an identity is added, the customer proves it is them (their password,
 * throttled like a sign-in, or a fresh sign-in with an identity already bound):
 * a stolen access token alone must not bind its thief's identity for good. The
 * proof becomes a single-use ticket (only its SHA-256 kept) that the link,
 * minutes later once the customer is back from the provider, presents.
 */
export async function beginIdentityLink(em: EntityManager, runtime: AccountsRuntime, command: BeginIdentityLinkCommand): Promise<IssuedAccountToken> {
  await reauthenticate(em, runtime, await findActiveCustomer(em, command.customerId), command.proof, command.clientAddress);
  return em.transactional(async (tx) => {
    await findActiveCustomer(tx, command.customerId, { lock: true });
    return issueAccountToken(tx, command.customerId, 'IDENTITY_LINK', new Date());
  });
}

export interface LinkIdentityCommand {
  customerId: string;
  ticket: string;
  provider: string;
  idToken: string;
}

/**
 * Binds the identity an ID token names to the signed-in account, with the
 * ticket of a recent proof. An identity bound to another account is refused
 * (never moved), as is a second identity at a provider the account has; one
 * already bound here changes nothing. Audited like the link a sign-in makes.
 */
export async function linkIdentity(em: EntityManager, runtime: AccountsRuntime, command: LinkIdentityCommand): Promise<SignInMethods> {
  const claims = await verifyExternalToken(runtime, command.provider, command.idToken);
  try {
    await link(em, command, claims);
  } catch (err) {
    // A concurrent link of the same identity won the insert: deciding again says who has it now.
    if (!(err instanceof UniqueConstraintViolationException)) throw err;
    await link(em.fork(), command, claims);
  }
  return readSignInMethods(em.fork(), command.customerId);
}

async function link(em: EntityManager, command: LinkIdentityCommand, claims: Awaited<ReturnType<typeof verifyExternalToken>>): Promise<void> {
  const { customerId, provider } = command;
  await em.transactional(async (tx) => {
    const now = new Date();
    await findActiveCustomer(tx, customerId, { lock: true });
    const ticket = await useTicket(tx, command.ticket, customerId, now);
    const bound = await tx.findOne(ExternalIdentity, { provider, subject: claims.sub });
    const sameProvider = await tx.count(ExternalIdentity, { customerId, provider });
    const decision = decideIdentityLink({ customerId, provider, boundTo: bound?.customerId ?? null, accountHasProvider: sameProvider > 0 });
    if (decision.kind === 'refused') throw new PolicyViolation(decision.message, decision.rule, { provider });
    ticket.usedAt = now;
    if (decision.kind === 'already-linked') return;
    tx.persist(tx.create(ExternalIdentity, { id: randomUUID(), provider, subject: claims.sub, customerId, label: identityLabelFrom(claims), lastUsedAt: now }));
    tx.persist(
      tx.create(AuditEntry, {
        id: randomUUID(),
        actor: customerId,
        action: 'external-identity.linked',
        subject: customerId,
        details: { provider, accountCreated: false, from: 'account' },
        at: now,
      }),
    );
  });
}

/** The ticket, locked, if it is this customer's, for linking, unused and unexpired; otherwise the customer proves it is them again. */
async function useTicket(tx: EntityManager, presented: string, customerId: string, now: Date): Promise<AccountToken> {
  const token = await tx.findOne(AccountToken, { tokenHash: hashRefreshToken(presented) }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const verdict = judgeAccountToken(token && token.customerId === customerId ? token : null, 'IDENTITY_LINK', now);
  if (verdict === 'VALID') return token!;
  throw new BadUserInput(verdict === 'EXPIRED' ? 'Your confirmation has expired.' : 'This confirmation is not valid (it may have been used already).', [
    {
      field: 'ticket',
      reason: verdict === 'EXPIRED' ? 'CONFIRMATION_EXPIRED' : 'CONFIRMATION_INVALID',
      message: 'Confirm it is you again, then sign in with the provider within 10 minutes.',
    },
  ]);
}

/**
 * Removes an identity from the signed-in account, unless it is the account's
 * last way in (no password, no other identity). No proof is asked: removing a
 * way in gives nobody access. Audited.
 */
export async function unlinkIdentity(em: EntityManager, customerId: string, identityId: string): Promise<SignInMethods> {
  await em.transactional(async (tx) => {
    // The lock serialises unlinks and password changes on the account: two unlinks cannot each leave the other.
    const customer = await findActiveCustomer(tx, customerId, { lock: true });
    const identities = await tx.find(ExternalIdentity, { customerId });
    const decision = decideIdentityUnlink({ hasPassword: customer.passwordHash != null, identityIds: identities.map((i) => i.id), target: identityId });
    if (!decision.ok) {
      if (decision.kind === 'unknown') throw new BadUserInput('That sign-in is not on your account.', decision.problems);
      throw new PolicyViolation(decision.message, decision.rule);
    }
    const identity = identities.find((i) => i.id === identityId)!;
    tx.remove(identity);
    tx.persist(
      tx.create(AuditEntry, {
        id: randomUUID(),
        actor: customerId,
        action: 'external-identity.unlinked',
        subject: customerId,
        details: { provider: identity.provider },
        at: new Date(),
      }),
    );
  });
  return readSignInMethods(em.fork(), customerId);
}
