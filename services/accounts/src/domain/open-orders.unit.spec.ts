import { describe, expect, it } from 'vitest';
import { decideAccountDeletion, erasedProfile } from './account-deletion.js';
import { isOpenOrder, nextOrderStatus } from './open-orders.js';
import { decideRegionChange } from './region-change.js';

describe('open orders', () => {
  it('an order is open until a closing status: PENDING and CONFIRMED are open, REJECTED and CANCELLED are not', () => {
    expect(isOpenOrder('CANCELLED')).toBe(false);
    expect(isOpenOrder('PENDING')).toBe(true);
    expect(isOpenOrder('CONFIRMED')).toBe(true);
    expect(isOpenOrder('REJECTED')).toBe(false);
    expect(isOpenOrder('SOME_NEW_STATUS')).toBe(true);
  });

  it('follows status changes, but a closed order stays closed when an older change arrives late', () => {
    expect(nextOrderStatus(null, 'CONFIRMED')).toBe('CONFIRMED');
    expect(nextOrderStatus('PENDING', 'REJECTED')).toBe('REJECTED');
    expect(nextOrderStatus('REJECTED', 'PENDING')).toBe('REJECTED');
  });
});

describe('decideAccountDeletion', () => {
  it('is allowed with no open order', () => {
    expect(decideAccountDeletion(0)).toEqual({ ok: true });
  });

  it('is refused with UNSHIPPED_ORDERS and the count while orders are open', () => {
    expect(decideAccountDeletion(1)).toEqual({
      ok: false,
      rule: 'UNSHIPPED_ORDERS',
      count: 1,
      message: 'You have 1 order that has not shipped yet. You can delete your account once it has shipped or been cancelled.',
    });
    expect(decideAccountDeletion(3)).toMatchObject({ ok: false, count: 3, message: expect.stringContaining('3 orders that have not shipped') });
  });

  it('erases the email to an undeliverable address unique to the account', () => {
    expect(erasedProfile('0f8fad5b-d9cb-469f-a165-70867728950e')).toEqual({
      email: 'deleted-0f8fad5b-d9cb-469f-a165-70867728950e@invalid',
      displayName: 'Deleted customer',
    });
  });
});

describe('decideRegionChange', () => {
  it('changes to a valid, normalised ISO code when no order is open', () => {
    expect(decideRegionChange('FR', ' de ', 0)).toEqual({ kind: 'change', from: 'FR', to: 'DE' });
  });

  it('refuses unknown or reserved codes', () => {
    for (const code of ['XX', 'UK', 'FRA', '']) {
      expect(decideRegionChange('FR', code, 0)).toMatchObject({ kind: 'invalid', problems: [{ field: 'country', reason: 'UNKNOWN_COUNTRY' }] });
    }
  });

  it('changes nothing when the region is the same, open orders or not', () => {
    expect(decideRegionChange('FR', 'fr', 2)).toEqual({ kind: 'unchanged' });
  });

  it('is locked while orders are open', () => {
    expect(decideRegionChange('FR', 'DE', 1)).toMatchObject({ kind: 'locked', rule: 'REGION_LOCKED_BY_OPEN_ORDERS', count: 1 });
    expect(decideRegionChange('FR', 'DE', 2)).toMatchObject({ kind: 'locked', message: expect.stringContaining('2 orders open') });
  });
});
