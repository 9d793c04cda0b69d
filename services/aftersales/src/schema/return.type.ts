import { Field, ID, ObjectType } from 'type-graphql';
import { graphqlEnum, Money } from '@vitrine/platform';
import { returnStatuses } from '../domain/return-status.js';
import type { PreferenceReturn } from '../store/preference-return.entity.js';
import { ReturnedConditionEnum, ReturnPostageEnum } from './claim-enums.js';
import { ClaimRuleType } from './claim.type.js';

export const ReturnStatusEnum = graphqlEnum(returnStatuses, {
  name: 'ReturnStatus',
  valuesConfig: {
    REQUESTED: { description: 'Accepted within the window: send the item back; staff inspect it on arrival.' },
    REFUNDED: { description: 'It came back as the policy asks: the price less the restocking fee is refunded.' },
    REJECTED: { description: 'It did not come back as the policy asks: nothing is refunded.' },
  },
});

@ObjectType('PreferenceReturn', { description: "A delivered line sent back for preference, under the order's policy." })
export class PreferenceReturnType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  orderId!: string;

  @Field(() => ID)
  productId!: string;

  @Field(() => ReturnStatusEnum)
  status!: string;

  @Field(() => Date)
  requestedAt!: Date;

  @Field(() => Money, {
    description:
      "What it refunds if it comes back as the policy asks: the price less the restocking fee, plus the line's share of the shipping where the policy refunds shipping.",
  })
  quotedRefund!: Money;

  @Field(() => Money)
  restockingFee!: Money;

  @Field(() => Money, { description: "The line's share of the order's shipping included in quotedRefund, where the policy refunds shipping (else zero)." })
  shippingRefund!: Money;

  @Field(() => ReturnPostageEnum, { description: 'Who pays the postage back.' })
  returnPostage!: string;

  @Field(() => ClaimRuleType, { description: "The policy's return rule it was accepted under." })
  rule!: ClaimRuleType;

  @Field(() => ReturnedConditionEnum, { nullable: true })
  condition!: string | null;

  @Field(() => Money, { nullable: true, description: 'What was refunded once it arrived.' })
  refund!: Money | null;

  @Field(() => ClaimRuleType, { nullable: true, description: 'The rule the inspection applied.' })
  inspectionRule!: ClaimRuleType | null;

  @Field(() => Date, { nullable: true })
  receivedAt!: Date | null;

  static from(r: PreferenceReturn): PreferenceReturnType {
    const rule = (x: { id: string; text: string }) => ClaimRuleType.of(x, r.policyVersion);
    return Object.assign(new PreferenceReturnType(), {
      id: r.id,
      orderId: r.orderId,
      productId: r.productId,
      status: r.status,
      requestedAt: r.requestedAt,
      quotedRefund: Money.of(r.quotedRefund, r.currency),
      restockingFee: Money.of(r.restockingFee, r.currency),
      shippingRefund: Money.of(r.shippingRefund, r.currency),
      returnPostage: r.returnPostage,
      rule: rule(r.rule),
      condition: r.condition ?? null,
      refund: r.refundAmount == null ? null : Money.of(r.refundAmount, r.currency),
      inspectionRule: r.inspectionRule ? rule(r.inspectionRule) : null,
      receivedAt: r.receivedAt ?? null,
    });
  }
}
