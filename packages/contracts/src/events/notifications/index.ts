import type { EventDefinition } from '../../event-definition.js';
import { partnerRemovedV1 } from './partner-removed.v1.js';

export * from './partner-removed.v1.js';

/** Every event notifications publishes of its own (partners' public topics only forward others' events). */
export const notificationsEvents: readonly EventDefinition[] = [partnerRemovedV1];
