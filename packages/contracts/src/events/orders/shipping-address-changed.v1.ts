import { z } from 'zod';
import { topics } from '../../topics.js';
import { shippingAddressSchema } from './order-terms.js';

/**
 * The customer changed where an order ships, within its policy's cut-off:
 * logistics moves a shipment not packed yet. Personal data: never public.
 */
export const shippingAddressChangedV1 = {
  type: 'orders.order.shipping-address-changed',
  version: 1,
  topic: topics.ordersOrder,
  schema: z.object({
    orderId: z.uuid(),
    customerId: z.uuid(),
    shippingAddress: shippingAddressSchema,
    changedAt: z.iso.datetime({ offset: true }),
  }),
} as const;
