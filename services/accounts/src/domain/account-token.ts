/** How long each emailed link works, as data: short, because the raw token travels in an email. */
export const accountTokenLifetimesSeconds = {
  PASSWORD_RESET: 30 * 60,
  EMAIL_VERIFICATION: 48 * 60 * 60,
  EMAIL_CHANGE: 60 * 60,
} as const;

export type AccountTokenVerdict = 'VALID' | 'UNKNOWN' | 'USED' | 'EXPIRED' | 'WRONG_PURPOSE';

/** Whether a presented emailed token may be used now: known, for this purpose, unused and unexpired. */
export function judgeAccountToken(token: { purpose: string; usedAt?: Date | null; expiresAt: Date } | null, purpose: string, now: Date): AccountTokenVerdict {
  if (!token) return 'UNKNOWN';
  if (token.purpose !== purpose) return 'WRONG_PURPOSE';
  if (token.usedAt) return 'USED';
  if (token.expiresAt.getTime() <= now.getTime()) return 'EXPIRED';
  return 'VALID';
}
