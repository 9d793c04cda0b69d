import type { EventDefinition } from '../../event-definition.js';
import { shippingRatesPublishedV1 } from './shipping-rates-published.v1.js';

export * from './shipping-rates-published.v1.js';

/** Every event logistics publishes (the service itself comes with its own issue; orders already reads its rate card). */
export const logisticsEvents: readonly EventDefinition[] = [shippingRatesPublishedV1];
