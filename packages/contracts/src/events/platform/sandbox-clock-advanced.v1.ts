import { z } from 'zod';
import { topics } from '../../topics.js';

/**
 * Outside production, staff moved the store's simulated clock: every
 * service's rules and durable timers run `offsetMs` ahead of real time from
 * now on (like a payment provider's test clock). Never published in production.
 */
export const sandboxClockAdvancedV1 = {
  type: 'platform.clock.advanced',
  version: 1,
  topic: topics.platformClock,
  schema: z.object({
    /** The whole offset from real time, not the step: a redelivered or late event cannot add twice. */
    offsetMs: z.number().int().nonnegative(),
    /** Increases with each move, so an older move delivered late is ignored. */
    sequence: z.number().int().positive(),
    movedBy: z.uuid().nullable(),
  }),
} as const;
