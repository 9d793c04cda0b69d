import type { EventDefinition } from './event-definition.js';
import { topics } from './topics.js';

/**
 * The topics partners read (Kafka), never the internal ones: each carries only
 * the public event types of one internal topic, as their public envelope, so
 * an internal topic can gain events without partners noticing. Versioned like
 * the internal topics; the events on them keep their own versions.
 */
export const publicTopics = {
  catalogProduct: 'partners.catalog.product.v1',
  ordersOrder: 'partners.orders.order.v1',
  paymentsPayment: 'partners.payments.payment.v1',
  logisticsShipment: 'partners.logistics.shipment.v1',
  aftersalesClaim: 'partners.aftersales.claim.v1',
} as const satisfies Partial<Record<keyof typeof topics, string>>;
export type PublicTopic = (typeof publicTopics)[keyof typeof publicTopics];

/**
 * What partners may receive, by webhook or on the public topics: an order's
 * life, its money, its parcel and its claims, and the product news that
 * changes an order. Never account events: those carry personal data.
 */
export const publicEventTypes = [
  'orders.order.placed',
  'orders.order.confirmed',
  'orders.order.status-changed',
  'orders.order.payment-due',
  'orders.order.cancelled',
  'orders.order.expired',
  'orders.order.cancellation-offered',
  'payments.payment.failed',
  'payments.refund.issued',
  'catalog.product.release-date-changed',
  'catalog.product.spec-changed',
  'catalog.product.arrived',
  'logistics.shipment.quoted',
  'logistics.shipment.dispatched',
  'logistics.shipment.delivered',
  'logistics.shipment.returned-to-sender',
  'aftersales.claim.submitted',
  'aftersales.claim.decided',
  'aftersales.claim.offered',
  'aftersales.claim.refused',
  'aftersales.claim.resolved',
  'aftersales.return.requested',
  'aftersales.return.received',
] as const;
export type PublicEventType = (typeof publicEventTypes)[number];

export function isPublicEventType(type: string): type is PublicEventType {
  return (publicEventTypes as readonly string[]).includes(type);
}

/** The public topic an event of this internal topic is forwarded to; undefined for a topic partners never see. */
export function publicTopicOf(topic: string): PublicTopic | undefined {
  const key = (Object.keys(topics) as (keyof typeof topics)[]).find((k) => topics[k] === topic);
  return key && key in publicTopics ? publicTopics[key as keyof typeof publicTopics] : undefined;
}

/** Whether partners receive this event definition (its type is public and its topic has a public twin). */
export function isPublicEvent(definition: Pick<EventDefinition, 'type' | 'topic'>): boolean {
  return isPublicEventType(definition.type) && publicTopicOf(definition.topic) !== undefined;
}
