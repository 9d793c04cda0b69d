import { describe, expect, it } from 'vitest';
import { applyRegionChange } from './apply-region-change.js';

const t = (minute: number) => new Date(Date.UTC(2026, 10, 25, 12, minute));

describe('applyRegionChange', () => {
  it('records the first country heard', () => {
    expect(applyRegionChange(null, { country: 'FR', at: t(0) })).toEqual({ country: 'FR', changedAt: t(0) });
  });

  it('a newer change replaces the country', () => {
    expect(applyRegionChange({ country: 'FR', changedAt: t(0) }, { country: 'DE', at: t(5) })).toEqual({ country: 'DE', changedAt: t(5) });
  });

  it('an older change delivered late never overwrites a newer one', () => {
    expect(applyRegionChange({ country: 'DE', changedAt: t(5) }, { country: 'FR', at: t(0) })).toBeNull();
  });

  it('the same change delivered twice writes nothing', () => {
    expect(applyRegionChange({ country: 'DE', changedAt: t(5) }, { country: 'DE', at: t(5) })).toBeNull();
  });
});
