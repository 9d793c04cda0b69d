import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventData, EventEnvelope, shippingRatesPublishedV1 } from '@vitrine/contracts';
import { ShippingRateCard } from '../store/shipping-rate-card.entity.js';

/** ShippingRatesPublished: a rate card version (kept, so an order's estimate can be traced to its card). */
export async function rememberRateCard(em: EntityManager, event: EventEnvelope<EventData<typeof shippingRatesPublishedV1>>): Promise<void> {
  const { version, currency, methods, publishedAt } = event.data;
  await em.upsert(ShippingRateCard, { version, currency, methods, publishedAt: new Date(publishedAt) });
}
