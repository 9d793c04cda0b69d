import { describe, expect, it } from 'vitest';
import { shippingShares } from './shipping-share.js';

const sum = (shares: Map<string, number>) => [...shares.values()].reduce((a, b) => a + b, 0);

describe("a line's share of the order's shipping", () => {
  it('one line carries all of it', () => {
    expect(shippingShares([{ productId: 'a', paid: 10_000 }], 1_999)).toEqual(new Map([['a', 1_999]]));
  });

  it('splits in proportion to what each line paid', () => {
    expect(
      shippingShares(
        [
          { productId: 'a', paid: 30_000 },
          { productId: 'b', paid: 10_000 },
        ],
        2_000,
      ),
    ).toEqual(
      new Map([
        ['a', 1_500],
        ['b', 500],
      ]),
    );
  });

  it('rounds in minor units: the units left go to the largest remainders, earlier line first on a tie, and the shares sum to what was paid', () => {
    const three = [
      { productId: 'a', paid: 100 },
      { productId: 'b', paid: 100 },
      { productId: 'c', paid: 100 },
    ];
    expect(shippingShares(three, 1_000)).toEqual(
      new Map([
        ['a', 334],
        ['b', 333],
        ['c', 333],
      ]),
    );
    expect(shippingShares(three, 1_001)).toEqual(
      new Map([
        ['a', 334],
        ['b', 334],
        ['c', 333],
      ]),
    );
    // 999 x 1/7, 2/7, 4/7 = 142.71, 285.43, 570.86: 997 in whole units, the 2 left go to c (.86) and a (.71), not b (.43).
    const uneven = shippingShares(
      [
        { productId: 'a', paid: 1 },
        { productId: 'b', paid: 2 },
        { productId: 'c', paid: 4 },
      ],
      999,
    );
    expect(uneven).toEqual(
      new Map([
        ['a', 143],
        ['b', 285],
        ['c', 571],
      ]),
    );
    expect(sum(uneven)).toBe(999);
  });

  it('always sums to the shipping paid, whatever the prices', () => {
    const prices = [1, 7, 13, 1_999, 24_999, 3, 100_000];
    for (const shipping of [0, 1, 2, 17, 999, 12_345, 9_999_999]) {
      for (let n = 1; n <= prices.length; n++) {
        const lines = prices.slice(0, n).map((paid, i) => ({ productId: `p${i}`, paid }));
        const shares = shippingShares(lines, shipping);
        expect(sum(shares)).toBe(shipping);
        for (const share of shares.values()) expect(share).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('lines that paid nothing share it equally; no shipping gives nothing', () => {
    expect(
      shippingShares(
        [
          { productId: 'a', paid: 0 },
          { productId: 'b', paid: 0 },
        ],
        301,
      ),
    ).toEqual(
      new Map([
        ['a', 151],
        ['b', 150],
      ]),
    );
    expect(shippingShares([{ productId: 'a', paid: 5_000 }], 0)).toEqual(new Map([['a', 0]]));
  });

  it('refuses a shipping amount that is not whole minor units (a bug upstream)', () => {
    expect(() => shippingShares([{ productId: 'a', paid: 1 }], 10.5)).toThrow(/whole minor units/);
  });
});
