import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { PaymentPurpose } from '@vitrine/contracts';
import { Money } from '@vitrine/platform';
import type { DueStatus } from '../domain/order-snapshot.js';
import type { OrderDueFields } from '../store/order-due.entity.js';
import type { OrderOutcome } from '../store/order.entity.js';
import { DueStatusEnum, PaymentPurposeEnum } from './order-enums.js';
import { PolicyRuleType } from './policy-rule.type.js';
import { ProductRef } from './product-stub.type.js';

@ObjectType('OrderLine')
export class OrderLineType {
  @Field(() => ProductRef)
  product!: ProductRef;

  @Field(() => Int)
  quantity!: number;

  @Field(() => Money, { description: 'Price per unit when the order was placed.' })
  unitPrice!: Money;

  @Field(() => Money)
  lineTotal!: Money;
}

@ObjectType('OrderDue', { description: 'Something an order owes: what payments collects, by when, under which rule.' })
export class OrderDueType {
  @Field(() => ID, { description: 'The due id payments settles (pay for the order to pay it).' })
  id!: string;

  @Field(() => PaymentPurposeEnum)
  purpose!: PaymentPurpose;

  @Field(() => Money, { description: 'Goods plus shipping.' })
  amount!: Money;

  @Field(() => Money)
  goods!: Money;

  @Field(() => Money)
  shipping!: Money;

  @Field(() => Date, { nullable: true, description: 'The deadline; null when due at once or charged by us on the shipping day.' })
  dueAt!: Date | null;

  @Field(() => DueStatusEnum)
  status!: DueStatus;

  @Field(() => String, { nullable: true, description: 'The rule that set the deadline, in the language asked for.' })
  rule!: string | null;

  /** Not in the schema: the policy version of its order, which `rule` is worded again from. */
  policyVersion!: number;

  @Field(() => String, { nullable: true, description: 'Why the last attempt to pay it failed.' })
  lastFailure!: string | null;

  @Field(() => Date, { nullable: true })
  paidAt!: Date | null;

  static from(due: OrderDueFields, currency: string, policyVersion: number): OrderDueType {
    return Object.assign(new OrderDueType(), {
      id: due.id,
      purpose: due.purpose,
      amount: Money.of(due.goodsAmount + due.shippingAmount, currency),
      goods: Money.of(due.goodsAmount, currency),
      shipping: Money.of(due.shippingAmount, currency),
      dueAt: due.dueAt ?? null,
      status: due.status,
      rule: due.ruleText ?? null,
      lastFailure: due.lastFailure ?? null,
      paidAt: due.paidAt ?? null,
      policyVersion,
    });
  }
}

@ObjectType('CancellationRight', { description: 'A product change opened a right to cancel with a full refund until closesAt.' })
export class CancellationRightType {
  @Field(() => String, { description: 'SPEC_CHANGE or RELEASE_DATE_CHANGE.' })
  reason!: string;

  @Field(() => Date)
  closesAt!: Date;
}

@ObjectType('OrderOutcome', { description: 'How an order ended: who, why, and the money its policy decided.' })
export class OrderOutcomeType {
  @Field(() => String, { description: 'CANCELLED or EXPIRED.' })
  kind!: string;

  @Field(() => String, { description: 'CUSTOMER, STAFF or SYSTEM.' })
  by!: string;

  @Field(() => String)
  reason!: string;

  @Field(() => Money, { description: 'Kept by the store (fee, forfeited deposit, non-refundable down payment).' })
  kept!: Money;

  @Field(() => Money)
  refund!: Money;

  @Field(() => PolicyRuleType)
  rule!: PolicyRuleType;

  @Field(() => Boolean)
  feesWaived!: boolean;

  @Field(() => Date)
  at!: Date;

  static from(outcome: OrderOutcome, currency: string): OrderOutcomeType {
    return Object.assign(new OrderOutcomeType(), {
      ...outcome,
      kept: Money.of(outcome.kept, currency),
      refund: Money.of(outcome.refund, currency),
      rule: PolicyRuleType.of(outcome.rule),
      at: new Date(outcome.at),
    });
  }
}
