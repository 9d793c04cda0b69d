/** The stored state of a presented refresh token. */
export interface RefreshTokenState {
  expiresAt: Date;
  usedAt?: Date | null;
  revokedAt?: Date | null;
}

export type RefreshVerdict = 'ROTATE' | 'REUSED' | 'REVOKED' | 'EXPIRED' | 'UNKNOWN';

/**
 * A refresh token works once. Seeing a used one again means two parties hold
 * the chain (one of them probably stole it), and we cannot tell which is the
 * customer, so the caller revokes the whole family: both must sign in again.
 * Checked in this order so that a reused token is reported as reuse even if
 * its family was revoked or it has expired since.
 */
export function judgeRefreshToken(token: RefreshTokenState | null, now: Date): RefreshVerdict {
  if (!token) return 'UNKNOWN';
  if (token.usedAt) return 'REUSED';
  if (token.revokedAt) return 'REVOKED';
  if (token.expiresAt.getTime() <= now.getTime()) return 'EXPIRED';
  return 'ROTATE';
}
