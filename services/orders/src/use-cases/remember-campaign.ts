import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventData, EventEnvelope, preorderOpenedV1, preorderTermsChangedV1 } from '@vitrine/contracts';
import { KnownProduct } from '../store/known-product.entity.js';

/**
 * PreorderOpened / PreorderTermsChanged: the plan new preorders of the
 * product are sold under. Orders already placed keep the terms they were
 * placed with (they are on the order).
 */
export async function rememberCampaign(
  em: EntityManager,
  event: EventEnvelope<EventData<typeof preorderOpenedV1>> | EventEnvelope<EventData<typeof preorderTermsChangedV1>>,
): Promise<void> {
  const plan = event.data.paymentPlan;
  await em.nativeUpdate(
    KnownProduct,
    { id: event.data.productId },
    {
      planKind: plan?.kind ?? null,
      depositPercent: plan?.depositPercent ?? null,
      fullPaymentAllowed: plan?.fullPaymentAllowed ?? false,
      updatedAt: new Date(),
    },
  );
}
