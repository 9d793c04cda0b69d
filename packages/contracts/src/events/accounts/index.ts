import type { EventDefinition } from '../../event-definition.js';
import { customerContactChangedV1 } from './customer-contact-changed.v1.js';
import { customerDeletedV1 } from './customer-deleted.v1.js';
import { customerFlaggedV1 } from './customer-flagged.v1.js';
import { customerRegionChangedV1 } from './customer-region-changed.v1.js';
import { customerRegisteredV1 } from './customer-registered.v1.js';
import { customerUnflaggedV1 } from './customer-unflagged.v1.js';

export * from './customer-contact-changed.v1.js';
export * from './customer-deleted.v1.js';
export * from './customer-flag.js';
export * from './customer-flagged.v1.js';
export * from './customer-region-changed.v1.js';
export * from './customer-registered.v1.js';
export * from './customer-unflagged.v1.js';

/** Every event accounts publishes. */
export const accountsEvents: readonly EventDefinition[] = [
  customerContactChangedV1,
  customerDeletedV1,
  customerFlaggedV1,
  customerRegionChangedV1,
  customerRegisteredV1,
  customerUnflaggedV1,
];
