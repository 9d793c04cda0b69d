import { Field, Int, ObjectType } from 'type-graphql';
import type { PaymentPlanKind, PreorderCloseReason } from '@vitrine/contracts';
import type { CampaignState } from '../domain/preorder-campaign.js';
import type { PreorderCampaign } from '../store/preorder-campaign.entity.js';
import { paymentPlanOf } from '../use-cases/preorder-window.js';
import { PaymentPlanKindEnum, PreorderCampaignStateEnum, PreorderCloseReasonEnum } from './preorder-enums.js';

@ObjectType('PaymentPlan', { description: 'How preorders of this product are paid.' })
export class PaymentPlanType {
  @Field(() => PaymentPlanKindEnum)
  kind!: PaymentPlanKind;

  @Field(() => Int, { nullable: true, description: 'DEPOSIT: whole percent of the price paid at order.' })
  depositPercent!: number | null;

  @Field(() => Boolean, { description: 'DEPOSIT: the customer may pay everything at order instead.' })
  fullPaymentAllowed!: boolean;
}

@ObjectType('PreorderCampaign', { description: "A product's preorder window and the terms it sells under." })
export class PreorderCampaignType {
  @Field(() => PreorderCampaignStateEnum)
  state!: CampaignState;

  @Field(() => Date, { description: 'When it opened, or opens if scheduled.' })
  opensAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Last moment orders go to the maker; null: until staff close it.' })
  closesAt!: Date | null;

  @Field(() => PaymentPlanType, { nullable: true, description: "Null: the store's default plan." })
  paymentPlan!: PaymentPlanType | null;

  @Field(() => Int, { nullable: true, description: 'Units in a limited run; null: open-ended.' })
  limitedQuantity!: number | null;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;

  @Field(() => PreorderCloseReasonEnum, { nullable: true })
  closeReason!: PreorderCloseReason | null;

  @Field(() => String, { nullable: true, description: 'Why it closed early, in the words shown to customers.' })
  closeNote!: string | null;

  static from(campaign: PreorderCampaign): PreorderCampaignType {
    const plan = paymentPlanOf(campaign);
    return Object.assign(new PreorderCampaignType(), {
      state: campaign.state,
      opensAt: campaign.opensAt,
      closesAt: campaign.closesAt ?? null,
      paymentPlan: plan ? Object.assign(new PaymentPlanType(), plan) : null,
      limitedQuantity: campaign.limitedQuantity ?? null,
      closedAt: campaign.closedAt ?? null,
      closeReason: campaign.closeReason ?? null,
      closeNote: campaign.closeNote ?? null,
    });
  }
}
