import { Field, ID, ObjectType } from 'type-graphql';
import { Money } from '@vitrine/platform';
import type { ReturnOffer } from '../use-cases/return-offer.js';
import { ReturnPostageEnum } from './claim-enums.js';
import { ClaimRuleType } from './claim.type.js';

@ObjectType('ReturnOffer', {
  description:
    "Whether a delivered line of the order can be sent back for preference now, until when, and exactly what requestReturn would accept now, under the order's policy version.",
})
export class ReturnOfferType {
  @Field(() => ID)
  orderId!: string;

  @Field(() => ID)
  productId!: string;

  @Field(() => Boolean, { description: "Whether requestReturn takes this line now: delivered, within the policy's window, and no return asked for it yet." })
  open!: boolean;

  @Field(() => Date, {
    nullable: true,
    description:
      "The end of the policy's window, counted from the courier's delivery in the store's calendar: a request strictly before it is in time. Null where the policy takes no returns for preference, or before delivery.",
  })
  returnableUntil!: Date | null;

  @Field(() => String, { nullable: true, description: "The window's last day (YYYY-MM-DD, in the store's time zone): the day to show as the deadline." })
  returnableLastDay!: string | null;

  @Field(() => Money, {
    nullable: true,
    description:
      "While open: what it would refund if it comes back as the policy asks (the price less the restocking fee, never more than claims left of the line, plus the line's share of the shipping where the policy refunds shipping).",
  })
  refund!: Money | null;

  @Field(() => Money, { nullable: true, description: 'While open: the restocking fee deducted.' })
  restockingFee!: Money | null;

  @Field(() => Money, {
    nullable: true,
    description: "While open: the line's share of the order's shipping included in refund (zero where the policy keeps it).",
  })
  shippingRefund!: Money | null;

  @Field(() => ReturnPostageEnum, { nullable: true, description: 'While open: who pays the postage back.' })
  returnPostage!: string | null;

  @Field(() => ClaimRuleType, {
    description:
      "The policy's return rule the terms come from; when it cannot go back, the rule refusing it (returns.window-closed, returns.no-preference-returns, returns.not-delivered).",
  })
  rule!: ClaimRuleType;

  @Field(() => ID, { nullable: true, description: 'The return already asked for this line (preferenceReturn): nothing more is offered for it.' })
  returnId!: string | null;

  static from({ orderId, productId, policyVersion, decision, requested }: ReturnOffer): ReturnOfferType {
    const open = decision.ok && !requested;
    const m = (x: { amount: number; currency: string }) => Money.of(x.amount, x.currency);
    return Object.assign(new ReturnOfferType(), {
      orderId,
      productId,
      open,
      returnableUntil: decision.returnableUntil?.at ?? null,
      returnableLastDay: decision.returnableUntil?.lastDay ?? null,
      refund: open && decision.ok ? m(decision.refund) : null,
      restockingFee: open && decision.ok ? m(decision.restockingFee) : null,
      shippingRefund: open && decision.ok ? m(decision.shippingRefund) : null,
      returnPostage: open && decision.ok ? decision.returnShippingPaidBy : null,
      rule: ClaimRuleType.of(decision.rule, policyVersion),
      returnId: requested?.id ?? null,
    });
  }
}
