import { describe, expect, it } from 'vitest';
import { decideRotation, keyStatusAt, publishedKeys, signingKeyAt, type ScheduledKey } from './published-keys.js';

const now = new Date('2026-01-01T12:00:00Z');
const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);
const kids = (keys: readonly ScheduledKey[]) => keys.map((k) => k.kid);
const ttl = 900;
const margin = 300;
const lead = 660;

// A staged rotation at t=0: 'old' signed since -10000, 'new' was published at 0 and activates at +660.
const rotated: ScheduledKey[] = [
  { kid: 'ancient', activatesAt: at(-20_000), retiredAt: at(-10_000) },
  { kid: 'old', activatesAt: at(-10_000), retiredAt: at(lead) },
  { kid: 'new', activatesAt: at(lead), retiredAt: null },
];

describe('signingKeyAt', () => {
  it('is the newest key that has activated and is not retired', () => {
    expect(signingKeyAt(rotated, at(0))?.kid).toBe('old');
    expect(signingKeyAt(rotated, at(lead - 1))?.kid).toBe('old');
    expect(signingKeyAt(rotated, at(lead))?.kid).toBe('new');
    expect(signingKeyAt(rotated, at(100_000))?.kid).toBe('new');
    expect(signingKeyAt(rotated, at(-15_000))?.kid).toBe('ancient');
  });

  it('hands over at one instant: never two signers, never none', () => {
    for (const t of [lead - 0.001, lead, lead + 0.001]) {
      expect(rotated.filter((k) => keyStatusAt(k, at(t)) === 'ACTIVE')).toHaveLength(1);
    }
  });

  it('is undefined when no key has activated yet', () => {
    expect(signingKeyAt([], now)).toBeUndefined();
    expect(signingKeyAt([{ kid: 'soon', activatesAt: at(1), retiredAt: null }], now)).toBeUndefined();
  });
});

describe('keyStatusAt', () => {
  it('PENDING before activation, ACTIVE until retired, then RETIRED', () => {
    const [ancient, old, next] = rotated as [ScheduledKey, ScheduledKey, ScheduledKey];
    expect([ancient, old, next].map((k) => keyStatusAt(k, at(0)))).toEqual(['RETIRED', 'ACTIVE', 'PENDING']);
    expect([ancient, old, next].map((k) => keyStatusAt(k, at(lead)))).toEqual(['RETIRED', 'RETIRED', 'ACTIVE']);
  });
});

describe('publishedKeys', () => {
  it('lists the pending key, the signing key and keys retired within one token lifetime plus the margin, newest first', () => {
    expect(kids(publishedKeys(rotated, at(0), ttl, margin))).toEqual(['new', 'old']);
    // After the hand-over the old key stays published for ttl + margin, so its last tokens verify until they expire.
    expect(kids(publishedKeys(rotated, at(lead + ttl + margin - 1), ttl, margin))).toEqual(['new', 'old']);
    expect(kids(publishedKeys(rotated, at(lead + ttl + margin), ttl, margin))).toEqual(['new']);
  });

  it('publishes a key for the whole lead time before it signs any token', () => {
    for (const t of [0, 1, lead / 2, lead - 1, lead]) {
      const published = kids(publishedKeys(rotated, at(t), ttl, margin));
      expect(published).toContain(signingKeyAt(rotated, at(t))!.kid);
      expect(published).toContain('new');
    }
  });

  it('drops keys retired long ago', () => {
    const keys = [
      { kid: 'old', activatesAt: at(-10_000), retiredAt: at(-5_000) },
      { kid: 'recent', activatesAt: at(-5_000), retiredAt: at(-1_000) },
      { kid: 'active', activatesAt: at(-1_000), retiredAt: null },
    ];
    expect(kids(publishedKeys(keys, now, ttl, margin))).toEqual(['active', 'recent']);
    expect(kids(publishedKeys(keys, now, ttl, 0))).toEqual(['active']);
  });
});

describe('decideRotation', () => {
  const steady: ScheduledKey[] = [
    { kid: 'old', activatesAt: at(-20_000), retiredAt: at(-10_000) },
    { kid: 'current', activatesAt: at(-10_000), retiredAt: null },
  ];

  it('schedules the next key one lead time ahead and retires the current key then', () => {
    const decision = decideRotation(steady, now, lead);
    expect(decision).toEqual({ ok: true, activatesAt: at(lead), retiring: [steady[1]] });
  });

  it('refuses while a key is pending (one rotation at a time), and allows it once that key signs', () => {
    const decision = decideRotation(rotated, at(60), lead);
    expect(decision).toMatchObject({ ok: false, rule: 'ROTATION_IN_PROGRESS', pending: { kid: 'new' }, retryAfterSeconds: lead - 60 });
    expect(decision.ok ? '' : decision.message).toContain(at(lead).toISOString());
    expect(decideRotation(rotated, at(lead), lead)).toMatchObject({ ok: true, activatesAt: at(2 * lead), retiring: [{ kid: 'new' }] });
  });

  it('activates at once when nothing signs yet (first key), or with a zero lead time', () => {
    expect(decideRotation([], now, lead)).toEqual({ ok: true, activatesAt: now, retiring: [] });
    expect(decideRotation(steady, now, 0)).toMatchObject({ ok: true, activatesAt: now });
  });
});
