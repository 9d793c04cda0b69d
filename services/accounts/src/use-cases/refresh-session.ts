import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Unauthenticated } from '@vitrine/platform';
import type { AccountsRuntime } from '../config/accounts-runtime.js';
import { judgeRefreshToken } from '../domain/refresh-token-state.js';
import { hashRefreshToken } from '../security/refresh-token-secret.js';
import { Customer } from '../store/customer.entity.js';
import { RefreshToken } from '../store/refresh-token.entity.js';
import { issueSession, type Session } from './issue-session.js';

export const sessionEndedMessage = 'Your session has ended. Please sign in again.';

/**
 * Trades a refresh token for a new access token and the next refresh token of
 * the same family. The row is locked, so two concurrent refreshes with one
 * token cannot both succeed: the second is seen as reuse.
 */
export async function refreshSession(em: EntityManager, runtime: AccountsRuntime, presented: string): Promise<Session> {
  const outcome = await em.transactional(async (tx): Promise<Session | null> => {
    const now = new Date();
    const token = await tx.findOne(RefreshToken, { tokenHash: hashRefreshToken(presented) }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const verdict = judgeRefreshToken(token, now);
    if (verdict === 'REUSED') {
      // Commits with this transaction even though the caller is refused.
      await revokeFamily(tx, token!.familyId, now);
      return null;
    }
    if (verdict !== 'ROTATE') return null;
    const customer = await tx.findOne(Customer, token!.customerId);
    if (!customer || customer.deletedAt) return null;
    const { session, refresh } = await issueSession(tx, runtime, customer, token!.familyId);
    token!.usedAt = now;
    token!.replacedBy = refresh.id;
    return session;
  });
  if (!outcome) throw new Unauthenticated(sessionEndedMessage);
  return outcome;
}

/** Ends every token of a session at once (logout, or reuse detected). */
export async function revokeFamily(em: EntityManager, familyId: string, now: Date = new Date()): Promise<void> {
  await em.nativeUpdate(RefreshToken, { familyId, revokedAt: null }, { revokedAt: now });
}

/** Logout: revokes the session the token belongs to. Unknown tokens are ignored, so logout always "works" and reveals nothing. */
export async function logout(em: EntityManager, presented: string): Promise<void> {
  const token = await em.findOne(RefreshToken, { tokenHash: hashRefreshToken(presented) });
  if (token) await revokeFamily(em, token.familyId);
}
