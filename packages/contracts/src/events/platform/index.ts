import type { EventDefinition } from '../../event-definition.js';
import { sandboxClockAdvancedV1 } from './sandbox-clock-advanced.v1.js';

export * from './sandbox-clock-advanced.v1.js';

/** Every event the platform publishes (orders' sandbox-clock mutation moves it). */
export const platformEvents: readonly EventDefinition[] = [sandboxClockAdvancedV1];
