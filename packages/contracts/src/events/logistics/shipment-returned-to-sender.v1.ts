import { z } from 'zod';
import { topics } from '../../topics.js';
import { decidingRuleSchema } from '../shared/rule.js';
import { moneySchema } from '../shared/money.js';

/**
 * The parcel came back undelivered (the customer did not receive it): each
 * order is cancelled without reshipping, and refunded what it paid minus its
 * share of the round-trip shipping, never below zero, as the order's store
 * policy rules (`rule`). Orders ends the orders, payments refunds.
 */
export const shipmentReturnedToSenderV1 = {
  type: 'logistics.shipment.returned-to-sender',
  version: 1,
  topic: topics.logisticsShipment,
  schema: z.object({
    shipmentId: z.uuid(),
    customerId: z.uuid(),
    orders: z.array(z.object({ orderId: z.uuid(), paid: moneySchema, roundTripShipping: moneySchema, refund: moneySchema, rule: decidingRuleSchema })).min(1),
    returnedAt: z.iso.datetime({ offset: true }),
  }),
} as const;
