import { describe, expect, it } from 'vitest';
import { presetNames, presets } from '../presets/index.js';
import { cancellationQuote } from './cancellation.js';
import { describePolicy } from './describe.js';
import { at, orderFacts } from './orders.fixture.js';

const texts = (name: (typeof presetNames)[number]) => describePolicy(presets[name]).flatMap((s) => s.rules.map((r) => r.text));

describe('describePolicy', () => {
  it.each(presetNames)('%s: every rule has a unique id and a sentence', (name) => {
    const rules = describePolicy(presets[name]).flatMap((s) => s.rules);
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) expect(r.text).toMatch(/^[A-Z].*\.$/);
  });

  it('deposit-store reads with its seed numbers', () => {
    expect(texts('deposit-store')).toEqual(
      expect.arrayContaining([
        'Preorders take a deposit of 30% of the price at order. You may pay in full at order instead (estimated shipping included).',
        'Cancelled within 24 hours of paying the deposit: no fee.',
        'Cancelled within 7 days of placing the order: a fee of 50% of the deposit.',
        'Cancelled more than 7 days after placing the order: the order is cancelled and nothing is refunded.',
        'Cancelled once the order is processed: a restocking fee of 30% of the total price.',
        'In-stock orders leave for shipping within 2-3 business days after payment.',
        'From the last payment to the tracking number takes 7-11 business days.',
        "Report damage within 10 days of the courier's delivery date.",
      ]),
    );
  });

  it('statue-store lists its coverage and evidence rules', () => {
    expect(texts('statue-store')).toEqual(
      expect.arrayContaining([
        'A claim needs photos of the damage and an unboxing video from the sealed parcel until all contents are out.',
        'Products sold as china stock are not covered by after-sales service.',
        'Not covered: the exterior brown box; the coloured art box; minor scratches or flaws; pre-glued parts that glue alone restores.',
      ]),
    );
  });

  it('decisions use the very rules the description shows', () => {
    const order = orderFacts({ deposit: 6000, paid: { deposit: 6000 }, depositPaidAt: at('2026-03-02T10:05:00Z') });
    const described = describePolicy(presets['deposit-store']).flatMap((s) => s.rules);
    for (const now of ['2026-03-02T12:00:00Z', '2026-03-05T12:00:00Z', '2026-03-20T12:00:00Z']) {
      expect(described).toContainEqual(cancellationQuote(presets['deposit-store'], order, at(now)).rule);
    }
  });
});
