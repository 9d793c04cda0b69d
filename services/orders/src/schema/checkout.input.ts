import { MaxLength } from '@vitrine/platform';
import { Field, ID, InputType } from 'type-graphql';
import type { PaymentChoice } from '../domain/payment-terms.js';
import { PaymentChoiceEnum } from './order-enums.js';
import { OrderLineInput } from './place-order.input.js';
import { ShippingAddressInput } from './shipping-address.type.js';

@InputType('CheckoutInput')
export class CheckoutInput {
  @Field(() => [OrderLineInput], { description: 'The cart: items in stock become one order, each preordered product an order of its own.' })
  lines!: OrderLineInput[];

  @Field(() => ShippingAddressInput, { description: "Where the orders ship: in your account's region." })
  shippingAddress!: ShippingAddressInput;

  @Field(() => String, { description: "A method of the store's shipping rates, e.g. STANDARD." })
  @MaxLength(40)
  shippingMethod!: string;

  @Field(() => PaymentChoiceEnum, { nullable: true, description: 'For preorders sold with a deposit: DEPOSIT (default) or FULL_PAYMENT where allowed.' })
  paymentChoice?: PaymentChoice | null;

  @Field(() => ID, { nullable: true, description: 'A saved payment method, for preorders charged when they ship.' })
  @MaxLength(36)
  paymentMethodId?: string | null;
}
