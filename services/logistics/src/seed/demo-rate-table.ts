import type { EntityManager } from '@mikro-orm/postgresql';
import type { RateTable, ZoneRates } from '../domain/rate-table.js';
import { RateTableVersion } from '../store/rate-table-version.entity.js';
import { publishRateTable } from '../use-cases/rate-tables.js';

const europe = ['FR', 'DE', 'BE', 'NL', 'LU', 'IT', 'ES', 'PT', 'AT', 'IE'];
const northAmerica = ['US', 'CA'];

const rates = (zone: string, brackets: [number, number][], perExtraKg: number | null): ZoneRates => ({
  zone,
  brackets: brackets.map(([upToGrams, amount]) => ({ upToGrams, amount })),
  perExtraKg,
});

/** The demo store's rates (USD): tracked and express from Lyon, economy and express from the factory in Dongguan (catalog's demo warehouses). */
export const demoRateTable: RateTable = {
  currency: 'USD',
  // A boxed 1/7 scale figure: 1.2 kg, 320 x 220 x 150 mm.
  referenceItem: { weightGrams: 1_200, dimensions: { lengthMm: 320, widthMm: 220, heightMm: 150 } },
  zones: [
    { code: 'EU', name: 'European Union', countries: europe },
    { code: 'NA', name: 'North America', countries: northAmerica },
    { code: 'WORLD', name: 'Rest of the world', countries: [] },
  ],
  methods: [
    {
      code: 'STANDARD',
      label: 'Standard (tracked)',
      origin: 'FR-LYS',
      volumetricDivisor: 5_000,
      rates: [
        rates(
          'EU',
          [
            [1_000, 900],
            [2_000, 1_300],
            [5_000, 2_100],
            [10_000, 3_200],
          ],
          250,
        ),
        rates(
          'NA',
          [
            [1_000, 2_200],
            [2_000, 2_900],
            [5_000, 4_500],
            [10_000, 7_000],
          ],
          600,
        ),
        rates(
          'WORLD',
          [
            [1_000, 2_600],
            [2_000, 3_400],
            [5_000, 5_200],
            [10_000, 8_200],
          ],
          700,
        ),
      ],
      surcharges: [{ code: 'FUEL', label: 'Fuel surcharge', flat: 0, percentBps: 800, zones: ['NA', 'WORLD'] }],
    },
    {
      code: 'EXPRESS',
      label: 'Express',
      origin: 'FR-LYS',
      volumetricDivisor: 5_000,
      rates: [
        rates(
          'EU',
          [
            [1_000, 2_500],
            [2_000, 3_100],
            [5_000, 4_400],
            [10_000, 6_200],
          ],
          450,
        ),
        rates(
          'NA',
          [
            [1_000, 4_200],
            [2_000, 5_200],
            [5_000, 7_800],
            [10_000, 11_500],
          ],
          900,
        ),
        rates(
          'WORLD',
          [
            [1_000, 4_800],
            [2_000, 5_900],
            [5_000, 8_900],
            [10_000, 13_000],
          ],
          1_000,
        ),
      ],
      surcharges: [{ code: 'FUEL', label: 'Fuel surcharge', flat: 0, percentBps: 1_200, zones: [] }],
    },
    {
      code: 'STANDARD',
      label: 'Standard (tracked) from China',
      origin: 'CN-DG',
      volumetricDivisor: 6_000,
      rates: [
        rates(
          'EU',
          [
            [1_000, 1_500],
            [2_000, 2_200],
            [5_000, 3_900],
            [10_000, 6_500],
          ],
          550,
        ),
        rates(
          'NA',
          [
            [1_000, 1_400],
            [2_000, 2_100],
            [5_000, 3_700],
            [10_000, 6_200],
          ],
          500,
        ),
        rates(
          'WORLD',
          [
            [1_000, 1_600],
            [2_000, 2_400],
            [5_000, 4_100],
            [10_000, 6_900],
          ],
          600,
        ),
      ],
      surcharges: [],
    },
    {
      code: 'EXPRESS',
      label: 'Express from China',
      origin: 'CN-DG',
      volumetricDivisor: 5_000,
      rates: [
        rates(
          'EU',
          [
            [1_000, 3_200],
            [2_000, 4_300],
            [5_000, 6_900],
            [10_000, 10_500],
          ],
          900,
        ),
        rates(
          'NA',
          [
            [1_000, 3_000],
            [2_000, 4_000],
            [5_000, 6_500],
            [10_000, 9_900],
          ],
          850,
        ),
        rates(
          'WORLD',
          [
            [1_000, 3_400],
            [2_000, 4_600],
            [5_000, 7_300],
            [10_000, 11_000],
          ],
          950,
        ),
      ],
      surcharges: [{ code: 'FUEL', label: 'Fuel surcharge', flat: 0, percentBps: 1_200, zones: [] }],
    },
  ],
};

/**
 * `npm start`: the demo store's first rate table, published through the same
 * use case as staff (so orders receives it as ShippingRatesPublished; orders
 * no longer seeds its own card). Idempotent: only when none is published.
 * Origins are catalog's demo warehouse codes, which may not have reached
 * logistics yet at start, so they are not checked against the projection.
 */
export async function seedDemoRateTable(em: EntityManager): Promise<void> {
  if ((await em.count(RateTableVersion, {})) > 0) return;
  await publishRateTable(em, null, demoRateTable, 'Demo store rates', { requireKnownOrigins: false });
}
