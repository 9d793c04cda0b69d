import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInput } from '@vitrine/platform';
import { accountTokenLifetimesSeconds, judgeAccountToken, unusableLinkProblem, type AccountTokenPurpose } from '../domain/account-token.js';
import { hashRefreshToken, newRefreshToken } from '../security/refresh-token-secret.js';
import { AccountToken } from '../store/account-token.entity.js';

export interface IssuedAccountToken {
  /** The raw token, for the link in the email only: never stored, never logged. */
  token: string;
  expiresAt: Date;
}

/**
 * Stages a single-use token for an emailed link (32 random bytes, like a
 * refresh token; only its SHA-256 is stored) in the caller's transaction.
 * Earlier unused tokens of the same purpose for the account stop working: the
 * newest link is the only one.
 */
export async function issueAccountToken(
  tx: EntityManager,
  customerId: string,
  purpose: AccountTokenPurpose,
  now: Date,
  newEmail: string | null = null,
): Promise<IssuedAccountToken> {
  await tx.nativeUpdate(AccountToken, { customerId, purpose, usedAt: null }, { usedAt: now });
  const secret = newRefreshToken();
  const expiresAt = new Date(now.getTime() + accountTokenLifetimesSeconds[purpose] * 1000);
  tx.persist(tx.create(AccountToken, { id: randomUUID(), customerId, purpose, tokenHash: secret.hash, newEmail, createdAt: now, expiresAt, usedAt: null }));
  return { token: secret.token, expiresAt };
}

/** Tokens of this purpose issued to the account since `since` (to cap how many links one account is sent). */
export async function countIssuedSince(em: EntityManager, customerId: string, purpose: AccountTokenPurpose, since: Date): Promise<number> {
  return em.count(AccountToken, { customerId, purpose, createdAt: { $gt: since } });
}

/** Refuses a presented token that cannot be used, without locking or using it (a cheap check before costly work). */
export async function checkAccountToken(em: EntityManager, presented: string, purpose: AccountTokenPurpose, now: Date): Promise<void> {
  refuseUnusable(judgeAccountToken(await em.findOne(AccountToken, { tokenHash: hashRefreshToken(presented) }), purpose, now));
}

function refuseUnusable(verdict: ReturnType<typeof judgeAccountToken>): void {
  if (verdict === 'VALID') return;
  const problem = unusableLinkProblem(verdict);
  throw new BadUserInput(problem.message, [problem]);
}

/**
 * Uses a presented token, in the caller's transaction: its row is locked, so
 * two clicks on one link cannot both succeed. Unknown, used, expired or
 * other-purpose tokens are BAD_USER_INPUT (LINK_INVALID / LINK_EXPIRED).
 */
export async function consumeAccountToken(tx: EntityManager, presented: string, purpose: AccountTokenPurpose, now: Date): Promise<AccountToken> {
  const token = await tx.findOne(AccountToken, { tokenHash: hashRefreshToken(presented) }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  refuseUnusable(judgeAccountToken(token, purpose, now));
  token!.usedAt = now;
  return token!;
}

/** Every unused token of the account stops working (its password or email changed: old links must not act on the new state). */
export async function retireAccountTokens(tx: EntityManager, customerId: string, now: Date, purposes?: AccountTokenPurpose[]): Promise<void> {
  await tx.nativeUpdate(AccountToken, { customerId, usedAt: null, ...(purposes ? { purpose: { $in: purposes } } : {}) }, { usedAt: now });
}
