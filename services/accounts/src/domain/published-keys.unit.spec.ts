import { describe, expect, it } from 'vitest';
import { publishedKeys } from './published-keys.js';

const now = new Date('2026-01-01T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe('publishedKeys', () => {
  it('lists the active key and keys retired within one token lifetime plus the margin, newest first', () => {
    const keys = [
      { kid: 'old', createdAt: ago(10_000), retiredAt: ago(5_000) },
      { kid: 'recent', createdAt: ago(5_000), retiredAt: ago(1_000) },
      { kid: 'active', createdAt: ago(1_000), retiredAt: null },
    ];
    expect(publishedKeys(keys, now, 900, 300).map((k) => k.kid)).toEqual(['active', 'recent']);
    expect(publishedKeys(keys, now, 900, 0).map((k) => k.kid)).toEqual(['active']);
  });
});
