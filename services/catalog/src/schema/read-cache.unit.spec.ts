import { describe, expect, it } from 'vitest';
import type { CachedPage } from './read-listing.js';
import { ReadCache } from './read-cache.js';

/** A signal the spec moves by hand, and a clock it sets. */
function cacheUnderTest(options: { ttlMs?: number; maxEntries?: number } = {}) {
  const signal = { at: 0, listening: true, generation: () => signal.at, live: () => signal.listening };
  const clock = { now: 1_000 };
  const cache = new ReadCache<CachedPage>(signal, { ...options, now: () => clock.now });
  return { cache, signal, clock };
}

const page = (name: string): CachedPage => ({
  items: [{ cursor: name, product: { id: name } as CachedPage['items'][number]['product'] }],
  hasNextPage: false,
  countTotal: async () => 1,
  stock: new Map(),
  studios: new Map(),
  campaigns: new Map(),
});

describe('a read cache (listing pages)', () => {
  it('answers a page kept with nothing changed during its read, for the same key only', () => {
    const { cache } = cacheUnderTest();
    const read = cache.beginRead();
    cache.keep('a', read, page('a'));
    expect(cache.lookup('a')?.items[0]?.cursor).toBe('a');
    expect(cache.lookup('b')).toBeUndefined();
  });

  it('does not keep a page when a change was heard while it was read', () => {
    const { cache, signal } = cacheUnderTest();
    const read = cache.beginRead();
    signal.at++;
    cache.keep('a', read, page('a'));
    expect(cache.lookup('a')).toBeUndefined();
  });

  it('forgets every page once a change is heard', () => {
    const { cache, signal } = cacheUnderTest();
    cache.keep('a', cache.beginRead(), page('a'));
    cache.keep('b', cache.beginRead(), page('b'));
    signal.at++;
    expect(cache.lookup('a')).toBeUndefined();
    expect(cache.size).toBe(0);
    // Read after the change: kept again.
    cache.keep('a', cache.beginRead(), page('a2'));
    expect(cache.lookup('a')?.items[0]?.cursor).toBe('a2');
  });

  it('neither keeps nor answers while the signal is not listening', () => {
    const { cache, signal } = cacheUnderTest();
    cache.keep('a', cache.beginRead(), page('a'));
    signal.listening = false;
    expect(cache.beginRead()).toBeUndefined();
    expect(cache.lookup('a')).toBeUndefined();
    cache.keep('b', cache.beginRead(), page('b'));
    signal.listening = true;
    expect(cache.lookup('b')).toBeUndefined();
  });

  it('answers a page for its TTL at most', () => {
    const { cache, clock } = cacheUnderTest({ ttlMs: 100 });
    cache.keep('a', cache.beginRead(), page('a'));
    clock.now += 100;
    expect(cache.lookup('a')).toBeDefined();
    clock.now += 1;
    expect(cache.lookup('a')).toBeUndefined();
  });

  it('keeps at most maxEntries, dropping the oldest kept', () => {
    const { cache } = cacheUnderTest({ maxEntries: 2 });
    for (const key of ['a', 'b', 'c']) cache.keep(key, cache.beginRead(), page(key));
    expect(cache.size).toBe(2);
    expect(cache.lookup('a')).toBeUndefined();
    expect(cache.lookup('b')).toBeDefined();
    expect(cache.lookup('c')).toBeDefined();
  });
});
