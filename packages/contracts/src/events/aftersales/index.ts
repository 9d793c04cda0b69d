import type { EventDefinition } from '../../event-definition.js';
import { claimDecidedV1 } from './claim-decided.v1.js';
import { claimEvidenceRequestedV1 } from './claim-evidence-requested.v1.js';
import { claimOfferedV1 } from './claim-offered.v1.js';
import { claimReplacementRequestedV1 } from './claim-replacement-requested.v1.js';
import { claimRefusedV1 } from './claim-refused.v1.js';
import { claimResolvedV1 } from './claim-resolved.v1.js';
import { claimSubmittedV1 } from './claim-submitted.v1.js';
import { returnReceivedV1 } from './return-received.v1.js';
import { returnRequestedV1 } from './return-requested.v1.js';

export * from './claim-decided.v1.js';
export * from './claim-evidence-requested.v1.js';
export * from './claim-offered.v1.js';
export * from './claim-replacement-requested.v1.js';
export * from './claim-refused.v1.js';
export * from './claim-resolved.v1.js';
export * from './claim-submitted.v1.js';
export * from './claim-terms.js';
export * from './return-received.v1.js';
export * from './return-requested.v1.js';

/** Every event aftersales publishes. */
export const aftersalesEvents: readonly EventDefinition[] = [
  claimDecidedV1,
  claimSubmittedV1,
  claimEvidenceRequestedV1,
  claimOfferedV1,
  claimRefusedV1,
  claimResolvedV1,
  claimReplacementRequestedV1,
  returnRequestedV1,
  returnReceivedV1,
];
