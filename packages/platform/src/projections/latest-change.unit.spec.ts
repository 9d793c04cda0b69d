import { describe, expect, it } from 'vitest';
import { applyLatest } from './latest-change.js';

const at = (iso: string) => new Date(iso);
const same = (a: { v: string }, b: { v: string }) => a.v === b.v;

describe('applyLatest', () => {
  it('writes the first value, and a newer one', () => {
    expect(applyLatest(null, { v: 'FR' }, at('2026-01-01T00:00:00Z'), same)).toEqual({ v: 'FR', changedAt: at('2026-01-01T00:00:00Z') });
    expect(applyLatest({ v: 'FR', changedAt: at('2026-01-01T00:00:00Z') }, { v: 'DE' }, at('2026-01-02T00:00:00Z'), same)).toEqual({
      v: 'DE',
      changedAt: at('2026-01-02T00:00:00Z'),
    });
  });

  it('ignores an older change delivered late, and the same change again', () => {
    const current = { v: 'DE', changedAt: at('2026-01-02T00:00:00Z') };
    expect(applyLatest(current, { v: 'FR' }, at('2026-01-01T00:00:00Z'), same)).toBeNull();
    expect(applyLatest(current, { v: 'DE' }, at('2026-01-02T00:00:00Z'), same)).toBeNull();
  });

  it('keeps delivery order for a different value at the same time', () => {
    const current = { v: 'DE', changedAt: at('2026-01-02T00:00:00Z') };
    expect(applyLatest(current, { v: 'JP' }, at('2026-01-02T00:00:00Z'), same)).toEqual({ v: 'JP', changedAt: at('2026-01-02T00:00:00Z') });
  });
});
