import type { EventDefinition } from '../../event-definition.js';
import { orderPlacedV1 } from './order-placed.v1.js';
import { orderStatusChangedV1 } from './order-status-changed.v1.js';

export * from './order-placed.v1.js';
export * from './order-status-changed.v1.js';
export * from './order-status.js';

/** Every event orders publishes. */
export const ordersEvents: readonly EventDefinition[] = [orderPlacedV1, orderStatusChangedV1];
