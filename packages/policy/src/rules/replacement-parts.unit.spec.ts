import { describe, expect, it } from 'vitest';
import { presets } from '../presets/index.js';
import { describePolicy } from './describe.js';
import { at } from './orders.fixture.js';
import { replacementLeadTime } from './replacement-parts.js';

const statueStore = presets['statue-store'];

describe('replacementLeadTime', () => {
  it('statue-store (002): the studio has the part: 1-2 weeks to the warehouse plus 15-70 days shipping', () => {
    // 3 December (23:30 in Paris) + 7 + 15 days = 25 December; + 14 + 70 days = 25 February.
    expect(replacementLeadTime(statueStore, true, at('2026-12-03T22:30:00Z'))).toEqual({
      outcome: 'WINDOW',
      earliest: '2026-12-25',
      latest: '2027-02-25',
      rule: {
        id: 'claims.replacement-lead-time',
        text: 'When the studio has the part, it reaches our warehouse in 7-14 days, then shipping takes 15-70 days; otherwise the factory makes it on demand, on its own schedule.',
      },
    });
  });

  it("counts from the store's local day: half an hour later it is already 4 December in Paris", () => {
    expect(replacementLeadTime(statueStore, true, at('2026-12-03T23:30:00Z'))).toMatchObject({ earliest: '2026-12-26', latest: '2027-02-26' });
  });

  it('a part the studio lacks is made on demand: no window', () => {
    expect(replacementLeadTime(statueStore, false, at('2026-12-03T12:00:00Z'))).toEqual({
      outcome: 'MADE_ON_DEMAND',
      earliest: null,
      latest: null,
      rule: {
        id: 'claims.replacement-made-on-demand',
        text: 'The studio has no spare part: the factory makes it on demand, on its own production schedule, so there is no date yet.',
      },
    });
  });

  it('a policy without lead times promises no date (pay-on-arrival)', () => {
    expect(replacementLeadTime(presets['pay-on-arrival'], true, at('2026-12-03T12:00:00Z'))).toMatchObject({
      outcome: 'NO_ESTIMATE',
      rule: { id: 'claims.replacement-no-estimate' },
    });
  });

  it('is described only by stores that send parts', () => {
    const ids = (name: keyof typeof presets) => describePolicy(presets[name]).flatMap((s) => s.rules.map((r) => r.id));
    expect(ids('statue-store')).toContain('claims.replacement-lead-time');
    expect(ids('charge-at-ship').filter((id) => id.startsWith('claims.replacement'))).toEqual([]);
  });
});
