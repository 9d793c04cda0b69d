import { paymentPlanKinds } from '@vitrine/contracts';
import { z } from 'zod';
import { basisPointsSchema, durationSchema } from './units.js';

/**
 * The preorder payment plans the store offers (the kinds catalog publishes
 * with a campaign's terms) and each plan's parameters. A campaign may set
 * its own deposit percentage; the one here is the store's default.
 */
export const paymentPlansSchema = z
  .object({
    allowed: z.array(z.enum(paymentPlanKinds)).min(1, 'Offer at least one payment plan.'),
    default: z.enum(paymentPlanKinds),
    /** How long an order holds its units while what is due at order (deposit, full payment, down payment) is unpaid. */
    payAtOrderWithin: durationSchema,
    deposit: z
      .object({
        percentBps: basisPointsSchema.refine((v) => v > 0 && v < 10_000, 'A deposit is more than 0% and less than 100% of the price.'),
        /** The customer may pay everything at order instead of the deposit. */
        fullPaymentAllowed: z.boolean(),
        /** From the release (balance) notice to the end of the balance payment. */
        balanceDue: durationSchema,
      })
      .optional(),
    payOnArrival: z.object({ paymentDue: durationSchema }).optional(),
    chargeAtShip: z
      .object({
        paymentErrorGrace: durationSchema,
        /**
         * When the card is charged: all at once the day the shipping date is
         * fixed, or held (authorised) that day and taken when the parcel
         * leaves, so a cancellation before dispatch costs no refund.
         */
        capture: z.enum(['ON_SHIPPING_DATE', 'AT_DISPATCH']).default('ON_SHIPPING_DATE'),
      })
      .optional(),
  })
  .superRefine((plans, ctx) => {
    const params = { DEPOSIT: 'deposit', PAY_ON_ARRIVAL: 'payOnArrival', CHARGE_AT_SHIP: 'chargeAtShip' } as const;
    plans.allowed.forEach((kind, i) => {
      if (plans.allowed.indexOf(kind) !== i) ctx.addIssue({ code: 'custom', path: ['allowed', i], message: `${kind} is listed twice.` });
    });
    for (const [kind, key] of Object.entries(params)) {
      const isAllowed = plans.allowed.includes(kind as keyof typeof params);
      if (isAllowed && plans[key] === undefined) {
        ctx.addIssue({ code: 'custom', path: [key], message: `${kind} is allowed but its parameters are missing.` });
      }
      if (!isAllowed && plans[key] !== undefined) {
        ctx.addIssue({ code: 'custom', path: [key], message: `${kind} is not allowed: remove its parameters or allow it.` });
      }
    }
    if (!plans.allowed.includes(plans.default)) {
      ctx.addIssue({ code: 'custom', path: ['default'], message: `The default plan ${plans.default} is not among the allowed plans.` });
    }
  });
export type PaymentPlans = z.infer<typeof paymentPlansSchema>;
