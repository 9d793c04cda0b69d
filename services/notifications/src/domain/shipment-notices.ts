import type { Money, Notice } from './notice.js';
import { notice, type SourceEvent } from './notices-from-events.js';

/** A packed parcel's outer size in millimetres, as logistics measures it. */
export interface ParcelSize {
  lengthMm: number;
  widthMm: number;
  heightMm: number;
}

export interface ShippingQuote {
  shipmentId: string;
  customerId: string;
  finalCost: Money;
  weightGrams: number;
  dimensions: ParcelSize;
  outcome: 'REFUND_EXCESS' | 'EXACT' | 'EXTRA_INVOICE';
  orders: { orderId: string; estimatePaid: Money; excessRefund: Money; extraDue: Money }[];
}

const sortedIds = (ids: readonly string[]): string[] => [...ids].sort();
const onlyOne = (ids: readonly string[]): string | null => (ids.length === 1 ? ids[0]! : null);

/**
 * The final shipping cost against the estimates paid: one message per
 * parcel, with the excess refunded or the extra due summed over its orders
 * (a consolidated parcel splits its cost over them; the customer pays or is
 * refunded the total). The invoice logistics raises for an extra
 * (ExtraShippingInvoiced) is this same fact, so it sends nothing more.
 */
export function shippingQuotedNotice(event: SourceEvent<ShippingQuote>): Notice {
  const { shipmentId, customerId, finalCost, weightGrams, dimensions, outcome, orders } = event.data;
  // A parcel is priced in one currency: its orders' amounts are in the final cost's.
  const total = (pick: (o: ShippingQuote['orders'][number]) => Money): Money => ({
    amount: orders.reduce((sum, o) => sum + pick(o).amount, 0),
    currency: finalCost.currency,
  });
  const orderIds = sortedIds(orders.map((o) => o.orderId));
  return notice(event, 'SHIPPING_QUOTED', customerId, onlyOne(orderIds), {
    shipmentId,
    orderIds,
    outcome,
    finalCost,
    weightGrams,
    dimensions,
    estimatePaid: total((o) => o.estimatePaid),
    excessRefund: total((o) => o.excessRefund),
    extraDue: total((o) => o.extraDue),
  });
}

export interface ShipmentDispatch {
  shipmentId: string;
  customerId: string;
  orderIds: string[];
  carrier: string;
  trackingNumber: string;
  weightGrams: number;
  dimensions: ParcelSize;
  finalCost: Money;
  dispatchedAt: string;
  kind?: 'ORDER' | 'REPLACEMENT';
}

/**
 * The parcel left with a carrier: the customer gets the carrier and tracking
 * number (their orders' SHIPPED status then sends nothing). A claim's
 * replacement says the store pays its postage instead of a cost.
 */
export function shipmentDispatchedNotice(event: SourceEvent<ShipmentDispatch>): Notice {
  const { shipmentId, customerId, carrier, trackingNumber, weightGrams, dimensions, finalCost, dispatchedAt } = event.data;
  const orderIds = sortedIds(event.data.orderIds);
  return notice(event, 'SHIPMENT_DISPATCHED', customerId, onlyOne(orderIds), {
    shipmentId,
    orderIds,
    carrier,
    trackingNumber,
    weightGrams,
    dimensions,
    finalCost,
    dispatchedAt,
    replacement: event.data.kind === 'REPLACEMENT',
  });
}

export interface ExtraShippingWaiver {
  shipmentId: string;
  customerId: string;
  invoices: { invoiceId: string; orderId: string; amount: Money }[];
}

/**
 * Staff waived the parcel's extra postage (the store absorbs the overrun):
 * one message to its customer saying nothing more is to pay, with the extra
 * summed over the invoices waived (one per order, in the parcel's currency)
 * and naming their orders. Staff's reason is for the record, not told.
 */
export function extraShippingWaivedNotice(event: SourceEvent<ExtraShippingWaiver>): Notice {
  const { shipmentId, customerId, invoices } = event.data;
  const orderIds = sortedIds([...new Set(invoices.map((i) => i.orderId))]);
  const extraWaived: Money = { amount: invoices.reduce((sum, i) => sum + i.amount.amount, 0), currency: invoices[0]!.amount.currency };
  return notice(event, 'EXTRA_SHIPPING_WAIVED', customerId, onlyOne(orderIds), { shipmentId, orderIds, extraWaived });
}
