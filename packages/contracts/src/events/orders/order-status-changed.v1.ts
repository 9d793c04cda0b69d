import { z } from 'zod';
import { topics } from '../../topics.js';

/** Partners follow an order's life through this one event. */
export const orderStatusChangedV1 = {
  type: 'orders.order.status-changed',
  version: 1,
  topic: topics.ordersOrder,
  schema: z.object({
    orderId: z.uuid(),
    from: z.string(),
    to: z.string(),
    reason: z.string().optional(),
    /** To DELIVERED: the courier's delivery date, which opens the return and claim windows (added within v1: absent on older events). */
    deliveredAt: z.iso.datetime({ offset: true }).optional(),
  }),
} as const;
