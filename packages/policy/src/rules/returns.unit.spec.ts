import { describe, expect, it } from 'vitest';
import { presetDocuments, presetNames, presets } from '../presets/index.js';
import { parseStorePolicy } from '../schema/parse.js';
import { at, orderFacts } from './orders.fixture.js';
import { preferenceReturnDeadline, returnQuote } from './returns.js';

const usd = (amount: number) => ({ amount, currency: 'USD' });

describe('returnQuote, deposit-store (000)', () => {
  const policy = presets['deposit-store'];
  // $200.00 figure paid as deposit + balance, $30.00 shipping; delivered Monday 4 May 2026 at 14:00 in Paris.
  const order = orderFacts({ deposit: 6000, paid: { deposit: 6000, balance: 14000, shipping: 3000 }, deliveredAt: at('2026-05-04T12:00:00Z') });

  it('within 7 days of receipt: the price minus a 30% restocking fee; shipping not refunded; customer pays the return', () => {
    expect(returnQuote(policy, order, at('2026-05-08T12:00:00Z'), 'PREFERENCE')).toEqual({
      outcome: 'REFUND',
      refund: usd(14000),
      restockingFee: usd(6000),
      returnShippingPaidBy: 'CUSTOMER',
      rule: {
        id: 'returns.within-window',
        text: 'Returns are accepted within 7 days of delivery, in perfect unused original condition; return shipping is paid by the customer, shipping costs are not refunded, and a restocking fee of 30% of the total price is deducted.',
      },
    });
  });

  it('the window ends with 11 May in Paris', () => {
    expect(returnQuote(policy, order, at('2026-05-11T21:59:59Z'), 'PREFERENCE').outcome).toBe('REFUND');
    expect(returnQuote(policy, order, at('2026-05-11T22:00:00Z'), 'PREFERENCE')).toMatchObject({
      outcome: 'REFUSED',
      refund: usd(0),
      rule: { id: 'returns.window-closed', text: 'The return window of 7 days after delivery has closed.' },
    });
  });

  it('an odd price rounds the restocking fee half up: 30% of $199.99 is $60.00', () => {
    const odd = orderFacts({ total: 19999, paid: { full: 19999 }, deliveredAt: at('2026-05-04T12:00:00Z') });
    expect(returnQuote(policy, odd, at('2026-05-05T12:00:00Z'), 'PREFERENCE')).toMatchObject({ restockingFee: usd(6000), refund: usd(13999) });
  });

  it('defects go to an after-sales claim', () => {
    expect(returnQuote(policy, order, at('2026-05-05T12:00:00Z'), 'DEFECT')).toMatchObject({
      outcome: 'AFTER_SALES',
      rule: { id: 'returns.defect-after-sales' },
    });
  });

  it('nothing to return before delivery', () => {
    expect(returnQuote(policy, orderFacts(), at('2026-05-05T12:00:00Z'), 'PREFERENCE')).toMatchObject({
      outcome: 'REFUSED',
      rule: { id: 'returns.not-delivered' },
    });
  });
});

describe('returnQuote, charge-at-ship (003)', () => {
  const policy = presets['charge-at-ship'];
  const order = orderFacts({ plan: 'CHARGE_AT_SHIP', paid: { full: 20000 }, deliveredAt: at('2026-05-04T03:00:00Z') });

  it('no returns for preference', () => {
    expect(returnQuote(policy, order, at('2026-05-04T05:00:00Z'), 'PREFERENCE')).toEqual({
      outcome: 'REFUSED',
      refund: usd(0),
      restockingFee: usd(0),
      returnShippingPaidBy: null,
      rule: { id: 'returns.no-preference-returns', text: 'We do not accept returns or refunds for preference or convenience.' },
    });
  });

  it('defects are exchanged', () => {
    expect(returnQuote(policy, order, at('2026-05-04T05:00:00Z'), 'DEFECT')).toMatchObject({
      outcome: 'EXCHANGE',
      rule: { id: 'returns.defect-exchange', text: 'A defective product is exchanged for a new one.' },
    });
  });
});

describe('preferenceReturnDeadline', () => {
  const policy = presets['deposit-store'];

  it('deposit-store (000): 7 days from the courier’s delivery end with the 7th local day after it, in Paris', () => {
    // Delivered Monday 4 May 2026 at 14:00 in Paris: returns until the end of Monday 11 May (Paris time).
    expect(preferenceReturnDeadline(policy, at('2026-05-04T12:00:00Z'))).toEqual({
      at: at('2026-05-11T22:00:00Z'),
      lastDay: '2026-05-11',
      region: 'FR',
      timeZone: 'Europe/Paris',
    });
    // Delivered at 00:30 on 5 May in Paris (still 4 May in UTC): the Paris day counts.
    expect(preferenceReturnDeadline(policy, at('2026-05-04T22:30:00Z'))).toMatchObject({ at: at('2026-05-12T22:00:00Z'), lastDay: '2026-05-12' });
    // Delivered in winter time, the window ends after the change to summer time (29 March): midnight in Paris is 22:00 UTC.
    expect(preferenceReturnDeadline(policy, at('2026-03-25T12:00:00Z'))).toMatchObject({ at: at('2026-04-01T22:00:00Z'), lastDay: '2026-04-01' });
  });

  it('counts in the warehouse’s region when given: the Chinese warehouse’s days end in Shanghai', () => {
    expect(preferenceReturnDeadline(policy, at('2026-05-04T12:00:00Z'), 'CN')).toEqual({
      at: at('2026-05-11T16:00:00Z'),
      lastDay: '2026-05-11',
      region: 'CN',
      timeZone: 'Asia/Shanghai',
    });
  });

  it.each(['statue-store', 'charge-at-ship', 'pay-on-arrival'] as const)('%s takes no returns for preference: no deadline', (name) => {
    expect(preferenceReturnDeadline(presets[name], at('2026-05-04T12:00:00Z'))).toBeNull();
  });

  it('a window in business days counts business days (5 French business days after 23 December 2026 end with the 31st)', () => {
    const document = structuredClone(presetDocuments['deposit-store']) as Record<string, any>;
    document.returns.preference.within = { amount: 5, unit: 'BUSINESS_DAYS' };
    const parsed = parseStorePolicy(document);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(preferenceReturnDeadline(parsed.policy, at('2026-12-23T10:00:00Z'))).toMatchObject({ at: at('2026-12-31T23:00:00Z'), lastDay: '2026-12-31' });
  });

  it.each(presetNames)('%s: returnQuote accepts strictly before the deadline and refuses from it on', (name) => {
    const preset = presets[name];
    for (const deliveredAt of [at('2026-05-04T12:00:00Z'), at('2026-05-04T22:30:00Z'), at('2026-03-25T12:00:00Z'), at('2026-12-23T10:00:00Z')]) {
      for (const region of [null, ...Object.keys(preset.calendars.regions)]) {
        const order = orderFacts({ plan: null, kind: 'IN_STOCK', paid: { full: 20000 }, deliveredAt, warehouseRegion: region });
        const deadline = preferenceReturnDeadline(preset, deliveredAt, region);
        if (!deadline) {
          expect(returnQuote(preset, order, new Date(deliveredAt.getTime() + 1), 'PREFERENCE').rule.id).toBe('returns.no-preference-returns');
          continue;
        }
        expect(returnQuote(preset, order, new Date(deadline.at.getTime() - 1), 'PREFERENCE').outcome).toBe('REFUND');
        expect(returnQuote(preset, order, deadline.at, 'PREFERENCE').rule.id).toBe('returns.window-closed');
      }
    }
  });
});
