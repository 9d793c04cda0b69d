import type { EventDefinition } from '../../event-definition.js';
import { cancellationOfferedV1 } from './cancellation-offered.v1.js';
import { orderCancelledV1 } from './order-cancelled.v1.js';
import { orderConfirmedV1 } from './order-confirmed.v1.js';
import { orderExpiredV1 } from './order-expired.v1.js';
import { orderPlacedV1 } from './order-placed.v1.js';
import { orderStatusChangedV1 } from './order-status-changed.v1.js';
import { paymentDueV1 } from './payment-due.v1.js';
import { readyToFulfilV1 } from './ready-to-fulfil.v1.js';
import { shippingAddressChangedV1 } from './shipping-address-changed.v1.js';
import { storePolicyPublishedV1 } from './store-policy-published.v1.js';

export * from './cancellation-offered.v1.js';
export * from './order-cancelled.v1.js';
export * from './order-confirmed.v1.js';
export * from './order-expired.v1.js';
export * from './order-placed.v1.js';
export * from './order-status-changed.v1.js';
export * from './order-status.js';
export * from './order-terms.js';
export * from './payment-due.v1.js';
export * from './ready-to-fulfil.v1.js';
export * from './shipping-address-changed.v1.js';
export * from './store-policy-published.v1.js';

/** Every event orders publishes. */
export const ordersEvents: readonly EventDefinition[] = [
  cancellationOfferedV1,
  orderCancelledV1,
  orderConfirmedV1,
  orderExpiredV1,
  orderPlacedV1,
  orderStatusChangedV1,
  paymentDueV1,
  readyToFulfilV1,
  shippingAddressChangedV1,
  storePolicyPublishedV1,
];
