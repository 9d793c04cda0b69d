import { z } from 'zod';
import { countryCodeSchema } from '../../countries.js';
import { topics } from '../../topics.js';

/**
 * Logistics published a version of its shipping rate card. Orders keeps the
 * latest to estimate shipping at checkout without calling logistics; each
 * order records the card version its estimate came from. Amounts are minor
 * units of `currency`. A zone with no countries is the rest of the world.
 *
 * Logistics prices parcels by chargeable weight (rate tables with weight
 * brackets and a volumetric divisor, per origin warehouse); this card is its
 * per-item view for consumers that count items: for each method (from the
 * method's first origin) and zone, `firstItem` is the price of a parcel
 * holding the table's reference item and `additionalItem` what one more such
 * item adds. The exact figure is `shippingEstimate` in the logistics subgraph.
 */
export const shippingRatesPublishedV1 = {
  type: 'logistics.rates.published',
  version: 1,
  topic: topics.logisticsRates,
  schema: z.object({
    version: z.number().int().positive(),
    currency: z.string().regex(/^[A-Z]{3}$/),
    methods: z
      .array(
        z.object({
          code: z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/),
          label: z.string().min(1).max(80),
          zones: z
            .array(
              z.object({ countries: z.array(countryCodeSchema), firstItem: z.number().int().nonnegative(), additionalItem: z.number().int().nonnegative() }),
            )
            .min(1),
        }),
      )
      .min(1),
    publishedAt: z.iso.datetime({ offset: true }),
  }),
} as const;
