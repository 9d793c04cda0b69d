import { z } from 'zod';

const sentence = z.string().min(1).max(500);

/**
 * The store-policy rule that decided something, as the policy package states it (stable id, a sentence a customer
 * can read). `texts` is the same sentence in each language the order's policy words it in, so a consumer writing to
 * a French customer (notifications, a partner) need not hold the policy; absent from events recorded before it, and
 * only `en` for a rule the policy does not word in other languages.
 */
export const decidingRuleSchema = z.object({
  id: z.string().min(1).max(120),
  text: sentence,
  texts: z.object({ en: sentence, fr: sentence.optional() }).optional(),
});
export type DecidingRule = z.infer<typeof decidingRuleSchema>;
