import { Field, ObjectType } from 'type-graphql';
import { Money } from '@vitrine/platform';
import type { Quote } from '../use-cases/cancellation.js';
import { CancellationOutcomeEnum } from './order-enums.js';
import { PolicyRuleType } from './policy-rule.type.js';

@ObjectType('CancellationQuote', { description: 'What cancelling the order now would do, under the policy version it was placed under.' })
export class CancellationQuoteType {
  @Field(() => CancellationOutcomeEnum)
  outcome!: string;

  @Field(() => Money)
  paid!: Money;

  @Field(() => Money, { description: 'The cancellation (restocking) fee.' })
  fee!: Money;

  @Field(() => Money, { description: 'A non-refundable down payment kept.' })
  keptDownPayment!: Money;

  @Field(() => Money, { description: 'Kept because the rule refunds nothing.' })
  forfeited!: Money;

  @Field(() => Money)
  refund!: Money;

  @Field(() => PolicyRuleType, { description: 'The rule that decides it.' })
  rule!: PolicyRuleType;

  @Field(() => PolicyRuleType, { nullable: true, description: 'Where staff decide: the rule the amounts come from.' })
  basis!: PolicyRuleType | null;

  @Field(() => String, { description: 'Send it to cancelOrder: the cancellation applies only if these terms still hold.' })
  token!: string;

  static from({ decision, token }: Quote): CancellationQuoteType {
    const m = (x: { amount: number; currency: string }) => Money.of(x.amount, x.currency);
    return Object.assign(new CancellationQuoteType(), {
      outcome: decision.outcome,
      paid: m(decision.paid),
      fee: m(decision.fee),
      keptDownPayment: m(decision.keptDownPayment),
      forfeited: m(decision.forfeited),
      refund: m(decision.refund),
      rule: PolicyRuleType.of(decision.rule),
      basis: decision.basis ? PolicyRuleType.of(decision.basis) : null,
      token,
    });
  }
}
