import { z } from 'zod';
import { countryCodeSchema } from '../../countries.js';
import { paymentPlanKinds } from '../catalog/preorder-terms.js';

/** Preorders and items in stock never share an order. */
export const orderKinds = ['PREORDER', 'IN_STOCK'] as const;
export type OrderKind = (typeof orderKinds)[number];

/** How an order is paid: a preorder campaign's plan, or IN_STOCK (in full at order). */
export const orderPaymentPlans = [...paymentPlanKinds, 'IN_STOCK'] as const;
export type OrderPaymentPlan = (typeof orderPaymentPlans)[number];

/** Where an order ships; it can change until the shipping date is confirmed (policy). */
export const shippingAddressSchema = z.object({
  name: z.string().min(1).max(120),
  line1: z.string().min(1).max(200),
  line2: z.string().max(200).nullish(),
  city: z.string().min(1).max(120),
  postalCode: z.string().min(1).max(20),
  region: z.string().max(120).nullish(),
  country: countryCodeSchema,
  phone: z.string().max(40).nullish(),
});
export type ShippingAddress = z.infer<typeof shippingAddressSchema>;
