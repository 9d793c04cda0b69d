import { defineEntity, p } from '@mikro-orm/core';
import { returnStatuses } from '../domain/return-status.js';

/**
 * A delivered line the customer sends back for preference (000), accepted
 * within the order's policy window with its quote (the price less the
 * restocking fee), until staff inspect it on arrival.
 */
export const PreferenceReturnSchema = defineEntity({
  name: 'PreferenceReturn',
  tableName: 'preference_return',
  uniques: [{ name: 'preference_return_line_unique', properties: ['orderId', 'productId'] }],
  // Declared here as the migrations created them, so a generated migration keeps them.
  checks: [
    { name: 'preference_return_status_known', expression: `"status" in (${returnStatuses.map((s) => `'${s}'`).join(', ')})` },
    {
      name: 'preference_return_amounts_not_negative',
      expression: '"quoted_refund" >= 0 and "restocking_fee" >= 0 and ("refund_amount" is null or "refund_amount" >= 0)',
    },
    { name: 'preference_return_shipping_refund_within_quote', expression: '"shipping_refund" >= 0 and "shipping_refund" <= "quoted_refund"' },
  ],
  properties: {
    id: p.uuid().primary(),
    /** One return per order line. */
    orderId: p.uuid(),
    productId: p.uuid(),
    customerId: p.uuid().index(),
    policyVersion: p.integer(),
    status: p.string().length(16).index(),
    reason: p.string().length(1000).nullable(),
    /** The quote when it was requested: refund, restocking fee, who pays the postage, the rule. */
    quotedRefund: p.integer(),
    restockingFee: p.integer(),
    /** The line's share of the order's shipping included in the quote (policies that refund shipping; else 0). */
    shippingRefund: p.integer(),
    currency: p.string().length(3),
    returnPostage: p.string().length(16),
    rule: p.json<{ id: string; text: string }>(),
    requestedAt: p.datetime(3),
    /** Staff's inspection on arrival: the condition, what it refunded, under which rule, who and when. */
    condition: p.string().length(24).nullable(),
    refundAmount: p.integer().nullable(),
    inspectionRule: p.json<{ id: string; text: string }>().nullable(),
    receivedBy: p.uuid().nullable(),
    receivedAt: p.datetime(3).nullable(),
    staffNote: p.string().length(1000).nullable(),
    version: p.integer().version(),
  },
});

export class PreferenceReturn extends PreferenceReturnSchema.class {}
PreferenceReturnSchema.setClass(PreferenceReturn);
