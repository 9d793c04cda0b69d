import { describe, expect, it } from 'vitest';
import { presets } from '../presets/index.js';
import { cancellationRightOnReleaseDateChange, cancellationRightOnSpecChange } from './cancellation-rights.js';
import { at } from './orders.fixture.js';

describe('cancellation rights opened by changes', () => {
  it('pay-on-arrival (004): a spec change opens a 14-day right to cancel', () => {
    // Notified Wednesday 10 June 2026, 11:00 in New York; the right lasts to the end of 24 June there.
    expect(cancellationRightOnSpecChange(presets['pay-on-arrival'], at('2026-06-10T15:00:00Z'))).toEqual({
      opens: true,
      closesAt: at('2026-06-25T04:00:00Z'),
      rule: {
        id: 'cancellation-right.on-spec-change',
        text: 'If the product specifications change, you may cancel within 14 days of our email, with a full refund, a down payment included.',
      },
    });
  });

  it('charge-at-ship (003): a release-date change never opens one', () => {
    expect(cancellationRightOnReleaseDateChange(presets['charge-at-ship'], at('2026-06-10T15:00:00Z'))).toEqual({
      opens: false,
      closesAt: null,
      rule: { id: 'cancellation-right.none-on-release-date-change', text: 'If the release date changes, that is not a reason to cancel.' },
    });
  });
});
