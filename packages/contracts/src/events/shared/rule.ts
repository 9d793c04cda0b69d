import { z } from 'zod';

/** The store-policy rule that decided something, as the policy package states it (stable id, a sentence a customer can read). */
export const decidingRuleSchema = z.object({
  id: z.string().min(1).max(120),
  text: z.string().min(1).max(500),
});
export type DecidingRule = z.infer<typeof decidingRuleSchema>;
