import { describe, expect, it } from 'vitest';
import { applyFlagChange, checkMayPlaceOrders, customerBlockedMessage } from './customer-standing.js';

const at = (iso: string) => new Date(`2026-11-25T${iso}Z`);

describe('checkMayPlaceOrders', () => {
  it('refuses a BLOCKED customer with a message the customer can read', () => {
    expect(checkMayPlaceOrders({ activeFlags: ['PREORDER_ABUSE', 'BLOCKED'], accountDeleted: false })).toEqual({
      ok: false,
      refusal: 'CUSTOMER_BLOCKED',
      message: customerBlockedMessage,
    });
    expect(customerBlockedMessage).toBe('Your account cannot place orders. Please contact support.');
  });

  it('lets customers without a blocking flag order (PREORDER_ABUSE, REFUSED_DELIVERY, unknown kinds)', () => {
    expect(checkMayPlaceOrders({ activeFlags: [], accountDeleted: false })).toEqual({ ok: true });
    expect(checkMayPlaceOrders({ activeFlags: ['PREORDER_ABUSE', 'REFUSED_DELIVERY', 'SOME_FUTURE_FLAG'], accountDeleted: false })).toEqual({ ok: true });
  });

  it('refuses a deleted account (its access token may outlive it by a few minutes)', () => {
    expect(checkMayPlaceOrders({ activeFlags: ['BLOCKED'], accountDeleted: true })).toEqual({
      ok: false,
      refusal: 'ACCOUNT_DELETED',
      message: 'This account has been deleted.',
    });
  });
});

describe('applyFlagChange', () => {
  it('records the first change of a flag', () => {
    expect(applyFlagChange(null, { active: true, at: at('10:00:00') })).toEqual({ active: true, changedAt: at('10:00:00') });
  });

  it('a newer change wins', () => {
    expect(applyFlagChange({ active: true, changedAt: at('10:00:00') }, { active: false, at: at('10:05:00') })).toEqual({
      active: false,
      changedAt: at('10:05:00'),
    });
  });

  it('an older change delivered late is ignored', () => {
    expect(applyFlagChange({ active: false, changedAt: at('10:05:00') }, { active: true, at: at('10:00:00') })).toBeNull();
  });

  it('at equal times the later delivery wins; an exact repeat writes nothing', () => {
    expect(applyFlagChange({ active: true, changedAt: at('10:00:00') }, { active: false, at: at('10:00:00') })).toEqual({
      active: false,
      changedAt: at('10:00:00'),
    });
    expect(applyFlagChange({ active: true, changedAt: at('10:00:00') }, { active: true, at: at('10:00:00') })).toBeNull();
  });
});
