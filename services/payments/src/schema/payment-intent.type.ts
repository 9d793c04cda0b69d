import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Money, PageInfo, MaxLength } from '@vitrine/platform';
import type { PaymentPurpose } from '@vitrine/contracts';
import type { FailureKind } from '../domain/failure-reasons.js';
import type { PaymentIntentStatus } from '../domain/payment-intent-status.js';
import type { PaymentIntentView } from '../use-cases/views.js';
import { PaymentFailureKindEnum, PaymentIntentStatusEnum, PaymentPurposeEnum } from './enums.js';

@ObjectType('PaymentAllocation', { description: 'The part of a payment that goes to one order’s due.' })
export class PaymentAllocationType {
  @Field(() => ID)
  orderId!: string;

  @Field(() => ID, { description: 'orders’ due this settles.' })
  dueId!: string;

  @Field(() => Money)
  amount!: Money;
}

@ObjectType('PaymentFailure', { description: 'Why the last attempt failed, for the customer (never the provider’s code).' })
export class PaymentFailureType {
  @Field(() => PaymentFailureKindEnum)
  kind!: FailureKind;

  @Field(() => String)
  message!: string;
}

@ObjectType('PaymentNextAction', { description: 'What the customer must do before the payment can go on.' })
export class PaymentNextActionType {
  @Field(() => String, { description: 'CONFIRM: call confirmPayment (after the bank’s page, when redirectUrl is set).' })
  type!: string;

  @Field(() => String, { nullable: true, description: 'The provider’s own confirmation page, when it has one.' })
  redirectUrl!: string | null;
}

@ObjectType('PaymentIntent', { description: 'One attempt to collect what one or several orders owe.' })
export class PaymentIntentType {
  @Field(() => ID)
  id!: string;

  @Field(() => PaymentIntentStatusEnum)
  status!: PaymentIntentStatus;

  @Field(() => PaymentPurposeEnum)
  purpose!: PaymentPurpose;

  @Field(() => Money, { description: 'Computed from the orders’ dues, never from the client.' })
  amount!: Money;

  @Field(() => [PaymentAllocationType])
  allocations!: PaymentAllocationType[];

  @Field(() => PaymentFailureType, { nullable: true, description: 'Set when status is FAILED.' })
  failure!: PaymentFailureType | null;

  @Field(() => PaymentNextActionType, { nullable: true, description: 'Set when status is REQUIRES_ACTION.' })
  nextAction!: PaymentNextActionType | null;

  @Field(() => String, { nullable: true, description: 'The card used, e.g. "visa 4242".' })
  paymentMethod!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  static from(view: PaymentIntentView): PaymentIntentType {
    return Object.assign(new PaymentIntentType(), {
      id: view.id,
      status: view.status,
      purpose: view.purpose,
      amount: Money.of(view.amount, view.currency),
      allocations: view.allocations.map((a) => Object.assign(new PaymentAllocationType(), { ...a, amount: Money.of(a.amount, view.currency) })),
      failure: view.failure ? Object.assign(new PaymentFailureType(), view.failure) : null,
      nextAction: view.nextAction ? Object.assign(new PaymentNextActionType(), view.nextAction) : null,
      paymentMethod: view.methodLabel,
      createdAt: new Date(view.createdAt),
      updatedAt: new Date(view.updatedAt),
    });
  }
}

@InputType('PaymentMethodInput', { description: 'Exactly one: a provider token (sandbox: sandbox_visa...; Stripe: pm_...) or one of your saved cards.' })
export class PaymentMethodInput {
  @MaxLength(200)
  @Field(() => String, { nullable: true, description: 'A one-off token from the provider (at most 200 characters).' })
  token?: string | null;

  @Field(() => ID, { nullable: true, description: 'One of your saved cards (myPaymentMethods).' })
  savedPaymentMethodId?: string | null;
}

@InputType('PayInput')
export class PayInput {
  @Field(() => [ID], { description: 'One order, or several orders’ balances paid together (at most 20).' })
  orderIds!: string[];

  @Field(() => PaymentMethodInput)
  paymentMethod!: PaymentMethodInput;

  @Field(() => Boolean, { nullable: true, description: 'Keep the card for later payments once this one succeeds (tokens only).' })
  savePaymentMethod?: boolean | null;

  @Field(() => PaymentPurposeEnum, { nullable: true, description: 'Only when the orders owe for several purposes at once.' })
  purpose?: PaymentPurpose | null;
}

@ObjectType('PaymentIntentEdge')
export class PaymentIntentEdge {
  @Field(() => PaymentIntentType)
  node!: PaymentIntentType;

  @Field(() => String)
  cursor!: string;
}

@ObjectType('PaymentIntentConnection', { description: 'Payment intents, newest first.' })
export class PaymentIntentConnection {
  @Field(() => [PaymentIntentEdge])
  edges!: PaymentIntentEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@InputType('PaymentIntentFilter')
export class PaymentIntentFilter {
  @Field(() => PaymentIntentStatusEnum, { nullable: true })
  status?: PaymentIntentStatus | null;

  @Field(() => PaymentPurposeEnum, { nullable: true })
  purpose?: PaymentPurpose | null;

  @Field(() => ID, { nullable: true })
  customerId?: string | null;

  @Field(() => ID, { nullable: true })
  orderId?: string | null;
}
