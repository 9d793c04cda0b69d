import type { RateTable } from './rate-table.js';

/** A small table for the unit specs: Europe and the rest of the world, one method from France (divisor 5000), one from China (divisor 6000). */
export function testTable(): RateTable {
  return {
    currency: 'USD',
    referenceItem: { weightGrams: 1_000, dimensions: { lengthMm: 300, widthMm: 200, heightMm: 100 } },
    zones: [
      { code: 'EU', name: 'European Union', countries: ['FR', 'DE'] },
      { code: 'WORLD', name: 'Rest of the world', countries: [] },
    ],
    methods: [
      {
        code: 'STANDARD',
        label: 'Standard',
        origin: 'FR-LYS',
        volumetricDivisor: 5_000,
        rates: [
          {
            zone: 'EU',
            brackets: [
              { upToGrams: 1_000, amount: 1_000 },
              { upToGrams: 2_000, amount: 1_500 },
              { upToGrams: 5_000, amount: 2_500 },
            ],
            perExtraKg: 400,
          },
          { zone: 'WORLD', brackets: [{ upToGrams: 2_000, amount: 3_000 }], perExtraKg: 1_000 },
        ],
        surcharges: [{ code: 'FUEL', label: 'Fuel', flat: 0, percentBps: 1_000, zones: ['WORLD'] }],
      },
      {
        code: 'STANDARD',
        label: 'Standard from China',
        origin: 'CN-DG',
        volumetricDivisor: 6_000,
        rates: [{ zone: 'EU', brackets: [{ upToGrams: 3_000, amount: 2_000 }], perExtraKg: 500 }],
        surcharges: [],
      },
    ],
  };
}
