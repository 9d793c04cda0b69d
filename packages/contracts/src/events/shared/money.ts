import { z } from 'zod';

/** Money is integer minor units plus an ISO 4217 currency code. */
export const moneySchema = z.object({
  amount: z.number().int().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/),
});
