import { describe, expect, it } from 'vitest';
import { isRecentSignIn } from './reauthentication.js';

const now = new Date('2026-11-25T12:00:00Z');
const secondsAgo = (s: number) => now.getTime() / 1000 - s;

describe('isRecentSignIn', () => {
  it('accepts a sign-in within the last 10 minutes', () => {
    expect(isRecentSignIn({ iat: secondsAgo(30) }, now)).toBe(true);
    expect(isRecentSignIn({ iat: secondsAgo(600) }, now)).toBe(true);
  });

  it('refuses an older sign-in, judged by auth_time when the provider sends it', () => {
    expect(isRecentSignIn({ iat: secondsAgo(601) }, now)).toBe(false);
    expect(isRecentSignIn({ iat: secondsAgo(5), auth_time: secondsAgo(3600) }, now)).toBe(false);
    expect(isRecentSignIn({}, now)).toBe(false);
  });
});
