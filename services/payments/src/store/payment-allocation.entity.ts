import { defineEntity, p } from '@mikro-orm/core';

/** Which dues an intent pays, and how much of it goes to each (product and shipping apart). */
export const PaymentAllocationSchema = defineEntity({
  name: 'PaymentAllocation',
  tableName: 'payment_allocation',
  checks: [{ name: 'payment_allocation_parts', expression: 'product >= 0 and shipping >= 0 and amount = product + shipping and amount > 0' }],
  properties: {
    id: p.uuid().primary(),
    intentId: p.uuid().index(),
    dueId: p.uuid().index(),
    orderId: p.uuid().index(),
    product: p.bigint('number'),
    shipping: p.bigint('number'),
    amount: p.bigint('number'),
  },
  uniques: [{ name: 'payment_allocation_intent_due_unique', properties: ['intentId', 'dueId'] }],
});

export class PaymentAllocation extends PaymentAllocationSchema.class {}
PaymentAllocationSchema.setClass(PaymentAllocation);
