import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  EventData,
  EventDefinition,
  EventEnvelope,
  orderConfirmedV1,
  orderStatusChangedV1,
  productPublishedV1,
  productReleasedV1,
  productStatusChangedV1,
  readyToFulfilV1,
  storePolicyPublishedV1,
} from '@vitrine/contracts';
import { ClaimableOrder } from '../store/claimable-order.entity.js';
import { aftersales } from '../identity.js';
import { KnownProductPart } from '../store/known-product-part.entity.js';
import { KnownProduct } from '../store/known-product.entity.js';
import { PolicyVersion } from '../store/policy-version.entity.js';

type Event<T extends EventDefinition> = EventEnvelope<EventData<T>>;

/** Every published policy version, as orders validated it; a version is written once. */
export async function rememberPolicy(em: EntityManager, event: Event<typeof storePolicyPublishedV1>): Promise<void> {
  const { version, document, publishedAt } = event.data;
  await em.upsert(PolicyVersion, { version, document, publishedAt: new Date(publishedAt) }, { onConflictAction: 'ignore' });
}

/**
 * ProductPublished: the status it is sold in and, when catalog sends it, its
 * parts list, replaced whole (a claim names its parts from it). An event
 * without `parts` leaves what we know of them.
 */
export async function rememberProduct(em: EntityManager, event: Event<typeof productPublishedV1>): Promise<void> {
  const { productId, status, parts } = event.data;
  if (status === undefined) {
    await em.upsert(KnownProduct, { id: productId }, { onConflictAction: 'ignore' });
  } else {
    await em.upsert(KnownProduct, { id: productId, status }, { onConflictFields: ['id'], onConflictMergeFields: ['status'] });
  }
  if (parts === undefined) return;
  await em.nativeDelete(KnownProductPart, { productId });
  if (parts.length > 0)
    await em.insertMany(
      KnownProductPart,
      parts.map((part, position) => ({ productId, position, name: part.name, category: part.category })),
    );
  await em.nativeUpdate(KnownProduct, { id: productId }, { partsKnown: true });
}

/** Catalog's parts list of a product; null when catalog has not told it. */
export async function knownPartsOf(em: EntityManager, productId: string): Promise<{ name: string; category: string }[] | null> {
  const product = await em.findOne(KnownProduct, { id: productId });
  if (!product?.partsKnown) return null;
  const parts = await em.find(KnownProductPart, { productId }, { orderBy: { position: 'asc' } });
  return parts.map((p) => ({ name: p.name, category: p.category }));
}

export async function rememberProductStatus(em: EntityManager, event: Event<typeof productStatusChangedV1>): Promise<void> {
  await em.upsert(KnownProduct, { id: event.data.productId, status: event.data.to }, { onConflictFields: ['id'], onConflictMergeFields: ['status'] });
}

export async function rememberRelease(em: EntityManager, event: Event<typeof productReleasedV1>): Promise<void> {
  const releasedAt = new Date(event.data.releasedAt);
  await em.upsert(KnownProduct, { id: event.data.productId, releasedAt }, { onConflictFields: ['id'], onConflictMergeFields: ['releasedAt'] });
}

/**
 * OrderConfirmed: the order's policy version, kind and lines with their
 * prices; each line keeps the product's status as we know it now (coverage
 * judges a product by the status it was sold in).
 */
export async function rememberOrder(em: EntityManager, event: Event<typeof orderConfirmedV1>): Promise<void> {
  const { orderId, customerId, kind, policyVersion, lines } = event.data;
  const s = aftersales.dbSchema;
  // One statement (it was three: the order, the products' statuses, the lines), keeping what is there (a
  // redelivery, a replay). The order's row goes in through the WITH part (a contract order has at least one line).
  await em.execute(
    `with claimable as (
       insert into "${s}".claimable_order (id, customer_id, kind, policy_version, ordered_at) values (?, ?, ?, ?, ?::timestamptz)
       on conflict (id) do nothing
     )
     insert into "${s}".claimable_line (order_id, product_id, quantity, unit_price_amount, currency, status_when_ordered, released_at)
     select ?::uuid, l.product_id, l.quantity, l.amount, l.currency, k.status, k.released_at
       from jsonb_to_recordset(?::jsonb) as l(product_id uuid, quantity int, amount int, currency text)
       left join "${s}".known_product k on k.id = l.product_id
     on conflict (order_id, product_id) do nothing`,
    [
      orderId,
      customerId,
      kind,
      policyVersion,
      event.time,
      orderId,
      JSON.stringify(lines.map((l) => ({ product_id: l.productId, quantity: l.quantity, amount: l.unitPrice.amount, currency: l.unitPrice.currency }))),
    ],
  );
}

/** DELIVERED opens the claim windows, from the courier's delivery date (the event's time when an older publisher left it out). */
export async function rememberDelivery(em: EntityManager, event: Event<typeof orderStatusChangedV1>): Promise<void> {
  if (event.data.to !== 'DELIVERED') return;
  const deliveredAt = new Date(event.data.deliveredAt ?? event.time);
  await em.nativeUpdate(ClaimableOrder, { id: event.data.orderId }, { deliveredAt });
}

/** ReadyToFulfil: what the customer paid for the order's shipping; a return's share of it is split from this. */
export async function rememberShippingPaid(em: EntityManager, event: Event<typeof readyToFulfilV1>): Promise<void> {
  await em.nativeUpdate(ClaimableOrder, { id: event.data.orderId }, { shippingPaidAmount: event.data.shippingPaid.amount });
}
