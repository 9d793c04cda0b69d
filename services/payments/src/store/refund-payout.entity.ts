import { defineEntity, p } from '@mikro-orm/core';

export const payoutStatuses = ['PENDING', 'PROCESSING', 'SUCCEEDED', 'FAILED'] as const;
export type PayoutStatus = (typeof payoutStatuses)[number];

/** One provider refund: the part of a refund taken from one charge. */
export const RefundPayoutSchema = defineEntity({
  name: 'RefundPayout',
  tableName: 'refund_payout',
  checks: [
    { name: 'refund_payout_amount_positive', expression: 'amount > 0' },
    { name: 'refund_payout_status_known', expression: `status in ('PENDING', 'PROCESSING', 'SUCCEEDED', 'FAILED')` },
  ],
  properties: {
    id: p.uuid().primary(),
    refundId: p.uuid().index(),
    chargeRowId: p.uuid(),
    providerChargeId: p.string().length(255),
    amount: p.bigint('number'),
    status: p.string().length(16).$type<PayoutStatus>(),
    providerRefundId: p.string().length(255).nullable(),
    failureCode: p.string().length(80).nullable(),
    createdAt: p.datetime(),
    completedAt: p.datetime().nullable(),
  },
  uniques: [{ name: 'refund_payout_provider_refund_unique', properties: ['providerRefundId'] }],
});

export class RefundPayout extends RefundPayoutSchema.class {}
RefundPayoutSchema.setClass(RefundPayout);
