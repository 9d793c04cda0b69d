import { describe, expect, it } from 'vitest';
import { judgeRefreshToken } from './refresh-token-state.js';

const now = new Date('2026-01-01T00:00:00Z');
const later = new Date('2026-02-01T00:00:00Z');
const earlier = new Date('2025-12-01T00:00:00Z');

describe('judgeRefreshToken', () => {
  it('a fresh token rotates', () => {
    expect(judgeRefreshToken({ expiresAt: later, usedAt: null, revokedAt: null }, now)).toBe('ROTATE');
  });

  it('an unknown token is refused', () => {
    expect(judgeRefreshToken(null, now)).toBe('UNKNOWN');
  });

  it('a used token is reuse, even if revoked or expired since', () => {
    expect(judgeRefreshToken({ expiresAt: later, usedAt: earlier, revokedAt: null }, now)).toBe('REUSED');
    expect(judgeRefreshToken({ expiresAt: earlier, usedAt: earlier, revokedAt: earlier }, now)).toBe('REUSED');
  });

  it('revoked and expired tokens are refused', () => {
    expect(judgeRefreshToken({ expiresAt: later, usedAt: null, revokedAt: earlier }, now)).toBe('REVOKED');
    expect(judgeRefreshToken({ expiresAt: now, usedAt: null, revokedAt: null }, now)).toBe('EXPIRED');
  });
});
