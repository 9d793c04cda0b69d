import { describe, expect, it } from 'vitest';
import { chargeableGrams, packTogether, volumetricGrams } from './parcel.js';
import { priceParcel } from './pricing.js';
import { testTable } from './test-table.fixture.js';

const box = (weightGrams: number, lengthMm: number, widthMm: number, heightMm: number) => ({ weightGrams, dimensions: { lengthMm, widthMm, heightMm } });

describe('the package rule and chargeable weight', () => {
  it('stacks boxes on their largest face: longest and widest side, heights added, weights added', () => {
    const parcel = packTogether([
      { ...box(800, 100, 300, 200), quantity: 2 },
      { ...box(500, 250, 250, 50), quantity: 1 },
    ]);
    expect(parcel).toEqual({ weightGrams: 2_100, dimensions: { lengthMm: 300, widthMm: 250, heightMm: 250 } });
  });

  it('counts the volumetric weight when it is more than the actual weight, and the actual weight otherwise', () => {
    // 400 x 300 x 250 mm = 30,000 cm³; / 5000 = 6 kg
    expect(volumetricGrams({ lengthMm: 400, widthMm: 300, heightMm: 250 }, 5_000)).toBe(6_000);
    expect(chargeableGrams(box(2_000, 400, 300, 250), 5_000)).toBe(6_000);
    expect(chargeableGrams(box(7_500, 400, 300, 250), 5_000)).toBe(7_500);
    // Rounded up to the gram: 1 mm³ over a divisor is one gram.
    expect(volumetricGrams({ lengthMm: 1, widthMm: 1, heightMm: 1 }, 5_000)).toBe(1);
  });
});

describe('priceParcel', () => {
  const parcel = box(900, 300, 200, 100); // volumetric 1,200 g at 5000, 1,000 g at 6000

  it('prices the bracket of the chargeable weight, not the actual one', () => {
    const result = priceParcel(testTable(), { method: 'STANDARD', origin: null, country: 'FR', parcel });
    expect(result).toMatchObject({
      ok: true,
      price: { zone: 'EU', origin: 'FR-LYS', actualGrams: 900, volumetricGrams: 1_200, chargeableGrams: 1_200, base: 1_500, amount: 1_500 },
    });
  });

  it('uses the origin asked for, with its own divisor', () => {
    const result = priceParcel(testTable(), { method: 'STANDARD', origin: 'CN-DG', country: 'DE', parcel });
    expect(result).toMatchObject({ ok: true, price: { origin: 'CN-DG', chargeableGrams: 1_000, amount: 2_000 } });
  });

  it('charges each started kilogram above the last bracket', () => {
    const heavy = box(6_001, 100, 100, 100);
    expect(priceParcel(testTable(), { method: 'STANDARD', origin: null, country: 'FR', parcel: heavy })).toMatchObject({
      ok: true,
      price: { amount: 2_500 + 2 * 400 },
    });
  });

  it('puts a country no zone lists in the rest of the world, with its surcharge (10% of the bracket, rounded half up)', () => {
    const result = priceParcel(testTable(), { method: 'STANDARD', origin: null, country: 'JP', parcel });
    expect(result).toMatchObject({ ok: true, price: { zone: 'WORLD', base: 3_000, surcharges: [{ code: 'FUEL', amount: 300 }], amount: 3_300 } });
  });

  it('says clearly what is wrong: unknown method, not from that warehouse, not shipped there, too heavy', () => {
    const problem = (req: Partial<Parameters<typeof priceParcel>[1]>) => {
      const result = priceParcel(testTable(), { method: 'STANDARD', origin: null, country: 'FR', parcel, ...req });
      return result.ok ? null : `${result.problem.field}:${result.problem.reason}`;
    };
    expect(problem({ method: 'DRONE' })).toBe('method:UNKNOWN_SHIPPING_METHOD');
    expect(problem({ origin: 'US-NY' })).toBe('origin:NOT_OFFERED_FROM_WAREHOUSE');
    expect(problem({ origin: 'CN-DG', country: 'JP' })).toBe('destination:NOT_SHIPPED_TO_COUNTRY');
    const capped = testTable();
    capped.methods[0]!.rates[1]!.perExtraKg = null;
    const tooHeavy = priceParcel(capped, { method: 'STANDARD', origin: null, country: 'JP', parcel: box(2_001, 10, 10, 10) });
    expect(tooHeavy.ok ? null : tooHeavy.problem.reason).toBe('TOO_HEAVY');
  });
});
