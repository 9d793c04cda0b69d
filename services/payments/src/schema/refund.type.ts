import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Money } from '@vitrine/platform';
import type { RefundReason } from '@vitrine/contracts';
import type { RefundStatus } from '../domain/refund-status.js';
import type { RefundView } from '../use-cases/views.js';
import { RefundReasonEnum, RefundStatusEnum } from './enums.js';

@ObjectType('Refund', { description: 'Money going back to a customer on one order.' })
export class RefundType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  orderId!: string;

  @Field(() => Money)
  amount!: Money;

  @Field(() => RefundReasonEnum)
  reason!: RefundReason;

  @Field(() => RefundStatusEnum)
  status!: RefundStatus;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  completedAt!: Date | null;

  static from(view: RefundView): RefundType {
    return Object.assign(new RefundType(), {
      id: view.id,
      orderId: view.orderId,
      amount: Money.of(view.amount, view.currency),
      reason: view.reason,
      status: view.status,
      createdAt: new Date(view.createdAt),
      completedAt: view.completedAt ? new Date(view.completedAt) : null,
    });
  }
}

@InputType('MoneyInput')
export class MoneyInput {
  @Field(() => Int)
  amount!: number;

  @Field(() => String)
  currency!: string;
}
