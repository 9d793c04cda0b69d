import { z } from 'zod';
import { abuseSchema, expirySchema } from './abuse.js';
import { calendarsSchema } from './calendar.js';
import { changeRightsSchema, inStockCancellationSchema, preorderCancellationSchema } from './cancellation.js';
import { claimsSchema } from './claims.js';
import { fulfilmentSchema } from './fulfilment.js';
import { paymentPlansSchema } from './payment-plans.js';
import { addressChangeSchema, returnToSenderSchema, returnsSchema } from './returns.js';
import { currencySchema, slugSchema } from './units.js';

/**
 * A store policy: every window, fee, percentage, plan and table the rules
 * read, as one document. Rule functions (`rules/`) take it as their first
 * argument; no rule number lives anywhere else. Units: `schema/units.ts`.
 */
export const storePolicySchema = z.object({
  /** The preset or store it describes, e.g. deposit-store. */
  id: slugSchema,
  /** Every amount in the document and in decisions is in minor units of this currency. */
  currency: currencySchema,
  calendars: calendarsSchema,
  paymentPlans: paymentPlansSchema,
  preorderCancellation: preorderCancellationSchema,
  inStockCancellation: inStockCancellationSchema,
  changeRights: changeRightsSchema,
  returns: returnsSchema,
  returnToSender: returnToSenderSchema,
  addressChange: addressChangeSchema,
  expiry: expirySchema,
  abuse: abuseSchema,
  claims: claimsSchema,
  fulfilment: fulfilmentSchema,
});

export type StorePolicy = z.infer<typeof storePolicySchema>;
/** What a policy document looks like before validation (presets are written in it). */
export type StorePolicyInput = z.input<typeof storePolicySchema>;
