import { defineEntity, p } from '@mikro-orm/core';

/**
 * One checkout (or placeOrder) call per customer and idempotency key, with
 * the orders it made: a retry gets them back, another request under the same
 * key is a CONFLICT.
 */
export const CheckoutSchema = defineEntity({
  name: 'Checkout',
  tableName: 'checkout',
  properties: {
    id: p.uuid().primary(),
    customerId: p.uuid(),
    idempotencyKey: p.string().length(200),
    requestFingerprint: p.string().length(64),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [{ name: 'checkout_customer_id_idempotency_key_unique', properties: ['customerId', 'idempotencyKey'] }],
});

export class Checkout extends CheckoutSchema.class {}
CheckoutSchema.setClass(Checkout);
