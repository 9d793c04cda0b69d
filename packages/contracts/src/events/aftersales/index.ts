import type { EventDefinition } from '../../event-definition.js';
import { claimDecidedV1 } from './claim-decided.v1.js';
import { claimSubmittedV1 } from './claim-submitted.v1.js';

export * from './claim-decided.v1.js';
export * from './claim-submitted.v1.js';
export * from './claim-terms.js';

/** Every event aftersales publishes. */
export const aftersalesEvents: readonly EventDefinition[] = [claimDecidedV1, claimSubmittedV1];
