import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { PaymentMethodView } from '../use-cases/payment-methods.js';

@ObjectType('PaymentMethod', { description: 'A saved card: what you recognise it by. The card number is never stored.' })
export class PaymentMethodType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'visa, mastercard...' })
  brand!: string;

  @Field(() => String)
  last4!: string;

  @Field(() => Int)
  expMonth!: number;

  @Field(() => Int)
  expYear!: number;

  @Field(() => Date)
  createdAt!: Date;

  static from(view: PaymentMethodView): PaymentMethodType {
    return Object.assign(new PaymentMethodType(), { ...view, createdAt: new Date(view.createdAt) });
  }
}
