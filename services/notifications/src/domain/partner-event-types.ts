import type { PublicEventType } from '@vitrine/contracts';
import { partnerEventTypes } from './partners.js';

/**
 * What each event a partner may be granted tells it, in staff's words (the
 * back office's checkboxes). Contracts name the events but do not describe
 * them; keyed by contracts' type, so a new public event does not compile
 * here until it is described.
 */
const descriptions: Record<PublicEventType, string> = {
  'orders.order.placed': 'An order was placed.',
  'orders.order.confirmed': 'An order was confirmed (its first payment or deposit went through).',
  'orders.order.status-changed': "An order's status changed.",
  'orders.order.payment-due': 'A payment of an order is due (a balance after release, a retry), with its deadline.',
  'orders.order.cancelled': 'An order was cancelled.',
  'orders.order.expired': 'An order expired unpaid.',
  'orders.order.cancellation-offered': 'The customer was offered to cancel an order (e.g. after a release-date slip).',
  'payments.payment.failed': 'A payment failed.',
  'payments.refund.issued': 'A refund was issued.',
  'catalog.product.release-date-changed': "A product's release date moved, with the reason.",
  'catalog.product.spec-changed': "A product's specification changed, with the reason.",
  'catalog.product.arrived': 'A preordered product arrived at the warehouse.',
  'logistics.shipment.quoted': "A parcel's final shipping cost is known.",
  'logistics.shipment.dispatched': 'A parcel left with a carrier, with its tracking number.',
  'logistics.shipment.delivered': 'A parcel was delivered.',
  'logistics.shipment.returned-to-sender': 'A parcel came back to the sender.',
  'aftersales.claim.submitted': 'A customer submitted a claim.',
  'aftersales.claim.decided': 'A claim was decided.',
  'aftersales.claim.offered': 'A claim’s resolutions were offered to the customer.',
  'aftersales.claim.refused': 'A claim was refused.',
  'aftersales.claim.resolved': 'A claim was resolved.',
  'aftersales.return.requested': 'A customer asked to send an item back.',
  'aftersales.return.received': 'A returned item was received.',
};

export interface PartnerEventTypeInfo {
  type: PublicEventType;
  description: string;
}

/** Every event type a partner may be granted, in contracts' order, each with what it tells. */
export function partnerEventTypeList(): PartnerEventTypeInfo[] {
  return partnerEventTypes.map((type) => ({ type, description: descriptions[type] }));
}
