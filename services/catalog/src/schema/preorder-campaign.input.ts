import { Field, InputType, Int } from 'type-graphql';
import type { PaymentPlan, PaymentPlanKind } from '@vitrine/contracts';
import { PaymentPlanKindEnum } from './preorder-enums.js';

@InputType('PaymentPlanInput')
export class PaymentPlanInput {
  @Field(() => PaymentPlanKindEnum)
  kind!: PaymentPlanKind;

  @Field(() => Int, { nullable: true, description: 'DEPOSIT only: whole percent of the price at order (1-99).' })
  depositPercent?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'DEPOSIT only: the customer may pay everything at order instead (default false).' })
  fullPaymentAllowed?: boolean | null;
}

export function paymentPlanFrom(input: PaymentPlanInput | null | undefined): PaymentPlan | null | undefined {
  if (input === undefined || input === null) return input;
  return { kind: input.kind, depositPercent: input.depositPercent ?? null, fullPaymentAllowed: input.fullPaymentAllowed ?? false };
}

@InputType('OpenPreorderInput')
export class OpenPreorderInput {
  @Field(() => Date, { nullable: true, description: 'When preorders open; omitted or past: now.' })
  opensAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Last moment orders go to the maker; omitted: until staff close it.' })
  closesAt?: Date | null;

  @Field(() => PaymentPlanInput, { nullable: true, description: "Omitted: the store's default plan." })
  paymentPlan?: PaymentPlanInput | null;

  @Field(() => Int, { nullable: true, description: 'Units in a limited run; omitted: the run the product already has (open-ended if none).' })
  limitedQuantity?: number | null;
}

@InputType('ChangePreorderTermsInput', { description: 'Only the fields sent change; send null to clear one.' })
export class ChangePreorderTermsInput {
  @Field(() => Date, { nullable: true, description: 'A scheduled window only: when it opens.' })
  opensAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'New close date; null: until staff close it.' })
  closesAt?: Date | null;

  @Field(() => PaymentPlanInput, { nullable: true, description: "Plan for orders placed from now on; null: the store's default." })
  paymentPlan?: PaymentPlanInput | null;

  @Field(() => Int, { nullable: true, description: 'New size of the limited run (never below units already reserved); null: open-ended.' })
  limitedQuantity?: number | null;
}
