import { describe, expect, it } from 'vitest';
import {
  checkWaitlistOfferHours,
  checkWaitlistQuantity,
  isWaitlistOpen,
  offerExpiresAt,
  planOffers,
  refuseNotifyMe,
  refuseWaitlist,
  runCanTakeReturnedUnits,
  type InterestFacts,
} from './product-interest.js';

const now = new Date('2026-12-04T10:00:00Z');
const later = new Date('2027-01-31T00:00:00Z');
const earlier = new Date('2026-12-01T00:00:00Z');

const facts = (extra: Partial<InterestFacts>): InterestFacts => ({ status: 'PREORDER', campaign: null, pool: null, now, ...extra });
/** A limited run of 10 whose window closed because every unit is held. */
const soldOutRun = (closesAt: Date | null = later): InterestFacts =>
  facts({ status: 'PREORDER_CLOSED', campaign: { state: 'CLOSED', closeReason: 'SOLD_OUT', closesAt }, pool: { capacity: 10, reserved: 10 } });

describe('which runs take units that come back', () => {
  it('an open limited run, or one closed as SOLD_OUT before its close date', () => {
    expect(runCanTakeReturnedUnits(facts({ campaign: { state: 'OPEN', closeReason: null, closesAt: later }, pool: { capacity: 10, reserved: 3 } }))).toBe(true);
    expect(runCanTakeReturnedUnits(soldOutRun())).toBe(true);
    expect(runCanTakeReturnedUnits(soldOutRun(null))).toBe(true);
  });

  it('not past its close date, not closed for another reason, not an open-ended run', () => {
    expect(runCanTakeReturnedUnits(soldOutRun(earlier))).toBe(false);
    expect(runCanTakeReturnedUnits({ ...soldOutRun(), campaign: { state: 'CLOSED', closeReason: 'MAKER_REQUEST', closesAt: later } })).toBe(false);
    expect(runCanTakeReturnedUnits(facts({ campaign: { state: 'OPEN', closeReason: null, closesAt: null }, pool: { capacity: null, reserved: 40 } }))).toBe(
      false,
    );
    expect(runCanTakeReturnedUnits({ ...soldOutRun(), status: 'RELEASED' })).toBe(false);
  });

  it('the waitlist is open only while such a run is sold out', () => {
    expect(isWaitlistOpen(soldOutRun())).toBe(true);
    expect(isWaitlistOpen(facts({ campaign: { state: 'OPEN', closeReason: null, closesAt: later }, pool: { capacity: 10, reserved: 9 } }))).toBe(false);
  });
});

describe('notify me', () => {
  it('is for a product not open yet, or sold out with a way back', () => {
    expect(refuseNotifyMe(facts({ status: 'ANNOUNCED' }))).toBeNull();
    expect(refuseNotifyMe(facts({ status: 'ANNOUNCED', campaign: { state: 'SCHEDULED', closeReason: null, closesAt: null } }))).toBeNull();
    expect(refuseNotifyMe(facts({ status: 'SOLD_OUT' }))).toBeNull();
    expect(refuseNotifyMe(soldOutRun())).toBeNull();
  });

  it('refuses what can be ordered now, and what will not come back', () => {
    expect(refuseNotifyMe(facts({ status: 'IN_STOCK' }))?.rule).toBe('AVAILABLE_NOW');
    expect(refuseNotifyMe(facts({ campaign: { state: 'OPEN', closeReason: null, closesAt: null }, pool: { capacity: 10, reserved: 2 } }))?.rule).toBe(
      'AVAILABLE_NOW',
    );
    expect(refuseNotifyMe(facts({ status: 'DISCONTINUED' }))?.rule).toBe('NOT_COMING_BACK');
    expect(refuseNotifyMe(soldOutRun(earlier))?.rule).toBe('NOT_COMING_BACK');
  });
});

describe('the waitlist', () => {
  it('takes entries only for a sold-out run that can still take units back', () => {
    expect(refuseWaitlist(soldOutRun())).toBeNull();
    expect(refuseWaitlist(facts({ campaign: { state: 'OPEN', closeReason: null, closesAt: later }, pool: { capacity: 10, reserved: 9 } }))?.rule).toBe(
      'AVAILABLE_NOW',
    );
    expect(refuseWaitlist(soldOutRun(earlier))?.rule).toBe('NOT_SOLD_OUT');
    expect(refuseWaitlist(facts({ status: 'ANNOUNCED' }))?.rule).toBe('NOT_SOLD_OUT');
  });

  it('offers returned units oldest entry first, each what it asked for or what is left; the rest goes to everyone', () => {
    const waiting = [
      { id: 'first', quantity: 2 },
      { id: 'second', quantity: 1 },
      { id: 'third', quantity: 1 },
    ];
    expect(planOffers(3, waiting)).toEqual({
      offers: [
        { interestId: 'first', quantity: 2 },
        { interestId: 'second', quantity: 1 },
      ],
      toEveryone: 0,
    });
    expect(planOffers(1, waiting)).toEqual({ offers: [{ interestId: 'first', quantity: 1 }], toEveryone: 0 });
    expect(planOffers(6, waiting)).toEqual({ offers: expect.any(Array), toEveryone: 2 });
    expect(planOffers(2, [])).toEqual({ offers: [], toEveryone: 2 });
    expect(planOffers(0, waiting)).toEqual({ offers: [], toEveryone: 0 });
  });

  it('waits for 1 up to the smallest of the product limits', () => {
    expect(checkWaitlistQuantity(2, [null, 2, 10])).toEqual([]);
    expect(checkWaitlistQuantity(3, [null, 2, 10])).toMatchObject([{ field: 'quantity', reason: 'OUT_OF_RANGE' }]);
    expect(checkWaitlistQuantity(0, [null, null, 10])).toMatchObject([{ reason: 'OUT_OF_RANGE' }]);
    expect(checkWaitlistQuantity(1.5, [null, null, 10])).toMatchObject([{ reason: 'OUT_OF_RANGE' }]);
  });
});

describe('offer duration', () => {
  it('is 1 to 720 whole hours, and an offer expires that long after it is made', () => {
    expect(checkWaitlistOfferHours(48)).toEqual([]);
    expect(checkWaitlistOfferHours(0)).toMatchObject([{ field: 'waitlistOfferHours', reason: 'OUT_OF_RANGE' }]);
    expect(checkWaitlistOfferHours(721)).toHaveLength(1);
    expect(offerExpiresAt(now, 48)).toEqual(new Date('2026-12-06T10:00:00Z'));
  });
});
