import type { EntityManager } from '@mikro-orm/postgresql';
import { storeNow } from '@vitrine/platform';
import type { RateCard } from '../domain/shipping-estimate.js';
import { ShippingRateCard } from '../store/shipping-rate-card.entity.js';

const europe = ['FR', 'DE', 'BE', 'NL', 'LU', 'IT', 'ES', 'PT', 'AT', 'IE'];

/** A rate card as logistics publishes it (ShippingRatesPublished), so checkout can estimate shipping in the demo. */
export const demoRateCard: RateCard = {
  version: 1,
  currency: 'USD',
  methods: [
    {
      code: 'STANDARD',
      label: 'Standard (tracked)',
      zones: [
        { countries: europe, firstItem: 1_500, additionalItem: 500 },
        { countries: [], firstItem: 2_900, additionalItem: 900 },
      ],
    },
    {
      code: 'EXPRESS',
      label: 'Express',
      zones: [
        { countries: europe, firstItem: 3_500, additionalItem: 1_000 },
        { countries: [], firstItem: 5_900, additionalItem: 1_500 },
      ],
    },
  ],
};

/**
 * `npm start`: until the logistics service publishes its own rate cards,
 * the demo store starts with this one (idempotent: only when none is known).
 */
export async function seedDemoRateCard(em: EntityManager): Promise<void> {
  if ((await em.count(ShippingRateCard, {})) > 0) return;
  await em.persist(em.create(ShippingRateCard, { ...demoRateCard, publishedAt: storeNow() })).flush();
}
