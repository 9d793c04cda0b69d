import { defineEntity, p } from '@mikro-orm/core';
import type { PaymentPlanKind, PreorderCloseReason } from '@vitrine/contracts';
import { campaignStates, type CampaignState } from '../domain/preorder-campaign.js';

/**
 * A product's preorder window and the terms it sells under. One per product:
 * reopening a closed window (the maker extends it) reuses the row, and every
 * change is in the audit log and on the product topic.
 */
export const PreorderCampaignSchema = defineEntity({
  name: 'PreorderCampaign',
  tableName: 'preorder_campaign',
  checks: [
    { name: 'preorder_campaign_state_known', expression: `state in (${campaignStates.map((s) => `'${s}'`).join(', ')})` },
    { name: 'preorder_campaign_window_ordered', expression: 'closes_at is null or closes_at > opens_at' },
    { name: 'preorder_campaign_deposit_range', expression: 'deposit_percent is null or (deposit_percent >= 1 and deposit_percent <= 99)' },
    { name: 'preorder_campaign_limited_quantity_positive', expression: 'limited_quantity is null or limited_quantity > 0' },
  ],
  properties: {
    productId: p.uuid().primary(),
    state: p.string().$type<CampaignState>().length(16),
    opensAt: p.datetime(),
    /** Null: open until staff close it. */
    closesAt: p.datetime().nullable(),
    /** Null: the store's default plan. */
    paymentPlanKind: p.string().$type<PaymentPlanKind>().length(24).nullable(),
    depositPercent: p.integer().nullable(),
    fullPaymentAllowed: p.boolean().default(false),
    /** The units of the limited run; null: open-ended (made to order). */
    limitedQuantity: p.integer().nullable(),
    closedAt: p.datetime().nullable(),
    closeReason: p.string().$type<PreorderCloseReason>().length(24).nullable(),
    closeNote: p.string().length(500).nullable(),
    /** Who set the current dates: scheduled opening and closing act in their name. */
    scheduledBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export class PreorderCampaign extends PreorderCampaignSchema.class {}
PreorderCampaignSchema.setClass(PreorderCampaign);
