import type { EventDefinition } from '../../event-definition.js';
import { extraShippingInvoicedV1 } from './extra-shipping-invoiced.v1.js';
import { extraShippingWaivedV1 } from './extra-shipping-waived.v1.js';
import { parcelPackedV1 } from './parcel-packed.v1.js';
import { shipmentDeliveredV1 } from './shipment-delivered.v1.js';
import { shipmentDispatchedV1 } from './shipment-dispatched.v1.js';
import { shipmentOpenedV1 } from './shipment-opened.v1.js';
import { shipmentReturnedToSenderV1 } from './shipment-returned-to-sender.v1.js';
import { shippingQuotedV1 } from './shipping-quoted.v1.js';
import { shippingRatesPublishedV1 } from './shipping-rates-published.v1.js';

export * from './parcel.js';
export * from './shipping-rates-published.v1.js';
export * from './shipment-opened.v1.js';
export * from './parcel-packed.v1.js';
export * from './shipping-quoted.v1.js';
export * from './extra-shipping-invoiced.v1.js';
export * from './extra-shipping-waived.v1.js';
export * from './shipment-dispatched.v1.js';
export * from './shipment-delivered.v1.js';
export * from './shipment-returned-to-sender.v1.js';

/** Every event logistics publishes. */
export const logisticsEvents: readonly EventDefinition[] = [
  shippingRatesPublishedV1,
  shipmentOpenedV1,
  parcelPackedV1,
  shippingQuotedV1,
  extraShippingInvoicedV1,
  extraShippingWaivedV1,
  shipmentDispatchedV1,
  shipmentDeliveredV1,
  shipmentReturnedToSenderV1,
];
