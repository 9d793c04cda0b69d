import type { EventDefinition } from '../../event-definition.js';
import { paymentAuthorizedV1 } from './payment-authorized.v1.js';
import { paymentFailedV1 } from './payment-failed.v1.js';
import { paymentLinkIssuedV1 } from './payment-link-issued.v1.js';
import { paymentMethodRemovedV1 } from './payment-method-removed.v1.js';
import { paymentMethodSavedV1 } from './payment-method-saved.v1.js';
import { paymentSucceededV1 } from './payment-succeeded.v1.js';
import { refundFailedV1 } from './refund-failed.v1.js';
import { refundIssuedV1 } from './refund-issued.v1.js';

export * from './payment-authorized.v1.js';
export * from './payment-failed.v1.js';
export * from './payment-link-issued.v1.js';
export * from './payment-method-removed.v1.js';
export * from './payment-method-saved.v1.js';
export * from './payment-succeeded.v1.js';
export * from './refund-failed.v1.js';
export * from './refund-issued.v1.js';

/** Every event payments publishes. */
export const paymentsEvents: readonly EventDefinition[] = [
  paymentAuthorizedV1,
  paymentFailedV1,
  paymentLinkIssuedV1,
  paymentMethodRemovedV1,
  paymentMethodSavedV1,
  paymentSucceededV1,
  refundFailedV1,
  refundIssuedV1,
];
