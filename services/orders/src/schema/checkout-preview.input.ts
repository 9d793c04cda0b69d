import { MaxLength } from '@vitrine/platform';
import { Field, InputType } from 'type-graphql';
import type { PaymentChoice } from '../domain/payment-terms.js';
import { PaymentChoiceEnum } from './order-enums.js';
import { OrderLineInput } from './place-order.input.js';

@InputType('CheckoutPreviewInput', {
  description: 'The parts of a checkout that decide its orders and amounts (the address is not needed: orders ship to your region).',
})
export class CheckoutPreviewInput {
  @Field(() => [OrderLineInput])
  lines!: OrderLineInput[];

  @Field(() => String, { description: "A method of the store's shipping rates, e.g. STANDARD." })
  @MaxLength(40)
  shippingMethod!: string;

  @Field(() => PaymentChoiceEnum, { nullable: true, description: 'For preorders sold with a deposit: DEPOSIT (default) or FULL_PAYMENT where allowed.' })
  paymentChoice?: PaymentChoice | null;
}
