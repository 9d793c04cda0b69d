import { z } from 'zod';
import { shippingAddressSchema } from '../orders/order-terms.js';

/**
 * Where customers send items back to a warehouse (returns for preference, a
 * claim's return): the fields and limits of an order's shipping address, no
 * phone; `country` is always the warehouse's own.
 */
export const warehouseReturnAddressSchema = shippingAddressSchema.omit({ phone: true });
export type WarehouseReturnAddress = z.infer<typeof warehouseReturnAddressSchema>;
