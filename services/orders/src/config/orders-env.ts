import { presetNames } from '@vitrine/policy';
import { z } from 'zod';

/** Settings only orders reads, on top of the platform's serviceEnv. */
export const ordersEnv = {
  /** The store policy preset published as version 1 when the store has none yet (later versions are published by staff). */
  STORE_POLICY_PRESET: z.enum(presetNames).default('deposit-store'),
};
