import { defineEntity, p } from '@mikro-orm/core';

/**
 * One order's share of one captured provider charge (a bulk charge has one
 * row per order). `refunded` grows with each refund decided against it; the
 * CHECK keeps it within what was captured, so no order can be refunded more
 * than it paid even if two refunds raced past the order lock.
 */
export const ChargeSchema = defineEntity({
  name: 'Charge',
  tableName: 'charge',
  checks: [
    { name: 'charge_amount_positive', expression: 'amount > 0' },
    { name: 'charge_refunded_within_amount', expression: 'refunded >= 0 and refunded <= amount' },
  ],
  properties: {
    id: p.uuid().primary(),
    intentId: p.uuid().index(),
    orderId: p.uuid().index(),
    providerChargeId: p.string().length(255),
    currency: p.string().length(3),
    amount: p.bigint('number'),
    refunded: p.bigint('number').default(0),
    /** The ledger sequence of its capture: larger is newer (refunds go newest first). */
    capturedSequence: p.bigint('number'),
    createdAt: p.datetime(),
  },
  uniques: [{ name: 'charge_provider_charge_order_unique', properties: ['providerChargeId', 'orderId'] }],
});

export class Charge extends ChargeSchema.class {}
ChargeSchema.setClass(Charge);
