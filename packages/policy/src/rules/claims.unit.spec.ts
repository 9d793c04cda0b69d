import { describe, expect, it } from 'vitest';
import { presets } from '../presets/index.js';
import { claimCoverage, claimWindow } from './claims.js';
import { at } from './orders.fixture.js';

describe('claimWindow', () => {
  it('deposit-store (000): damage within 10 days of delivery', () => {
    expect(claimWindow(presets['deposit-store'], at('2026-05-04T12:00:00Z'), 'STANDARD')).toEqual({
      at: at('2026-05-14T22:00:00Z'),
      lastDay: '2026-05-14',
      region: 'FR',
      timeZone: 'Europe/Paris',
      rule: { id: 'claims.report-window', text: "Report damage within 10 days of the courier's delivery date." },
    });
  });

  it('statue-store (002): 5 working days, skipping the weekend and Victory Day (8 May)', () => {
    const window = claimWindow(presets['statue-store'], at('2026-05-01T10:00:00Z'), 'STANDARD');
    expect(window).toMatchObject({ at: at('2026-05-11T22:00:00Z'), lastDay: '2026-05-11' });
    expect(window.rule.text).toBe("Report damage within 5 business days of the courier's delivery date; significant damage within 24 hours.");
  });

  it('statue-store (002): significant damage within 24 hours', () => {
    expect(claimWindow(presets['statue-store'], at('2026-05-01T10:00:00Z'), 'SIGNIFICANT')).toMatchObject({ at: at('2026-05-02T10:00:00Z') });
  });

  it('without a shorter window, significant damage has the general one', () => {
    expect(claimWindow(presets['deposit-store'], at('2026-05-04T12:00:00Z'), 'SIGNIFICANT').lastDay).toBe('2026-05-14');
  });
});

describe('claimCoverage, statue-store (002)', () => {
  const policy = presets['statue-store'];
  const releasedAt = at('2026-01-15T09:00:00Z');

  it('preorders are always covered, even of a product now in China stock', () => {
    expect(claimCoverage(policy, { orderKind: 'PREORDER', statusWhenOrdered: 'CHINA_STOCK', releasedAt: null, orderedAt: at('2025-10-01T00:00:00Z') })).toEqual(
      {
        covered: true,
        rule: { id: 'claims.preorders-covered', text: 'Preorders are always covered by after-sales service.' },
      },
    );
  });

  it('China stock is not covered', () => {
    expect(claimCoverage(policy, { orderKind: 'IN_STOCK', statusWhenOrdered: 'CHINA_STOCK', releasedAt, orderedAt: at('2026-02-01T00:00:00Z') })).toEqual({
      covered: false,
      rule: { id: 'claims.not-covered-china-stock', text: 'Products sold as china stock are not covered by after-sales service.' },
    });
  });

  it('in-stock statues ordered more than 3 months after release are not covered (the limit is the end of 15 April in Paris)', () => {
    const product = { orderKind: 'IN_STOCK' as const, statusWhenOrdered: 'IN_STOCK', releasedAt };
    expect(claimCoverage(policy, { ...product, orderedAt: at('2026-04-15T21:59:59Z') }).covered).toBe(true);
    expect(claimCoverage(policy, { ...product, orderedAt: at('2026-04-15T22:00:00Z') })).toEqual({
      covered: false,
      rule: {
        id: 'claims.not-covered-released-long-ago',
        text: 'In-stock products ordered more than 3 months after their release are not covered by after-sales service.',
      },
    });
  });
});
