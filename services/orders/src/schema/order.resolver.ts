import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import {
  TextArg,
  policyLanguage,
  requireCallerId,
  requireUuid,
  RuleLanguageEnum,
  ruleLanguageArg,
  type BaseContext,
  type RuleLanguage,
} from '@vitrine/platform';
import { cancelByCustomer, cancelByStaff, cancellationQuoteFor } from '../use-cases/cancellation.js';
import { changeShippingAddress } from '../use-cases/change-address.js';
import { checkout, previewCheckout } from '../use-cases/checkout.js';
import { readOrderFor } from '../use-cases/read-orders.js';
import { placeOrder } from '../use-cases/place-order.js';
import { CancellationQuoteType } from './cancellation-quote.type.js';
import { CheckoutInput } from './checkout.input.js';
import { CheckoutPreviewInput } from './checkout-preview.input.js';
import { CheckoutPreviewType } from './checkout-preview.type.js';
import { OrderType } from './order.type.js';
import { PlaceOrderInput } from './place-order.input.js';
import { ShippingAddressInput } from './shipping-address.type.js';

@Resolver(() => OrderType)
export class OrderResolver {
  @Authorized()
  @Query(() => OrderType, { description: 'One of your orders (staff with orders:manage: any order).' })
  async order(@Ctx() ctx: BaseContext, @Arg('id', () => ID) id: string): Promise<OrderType> {
    return OrderType.of(await readOrderFor(ctx.em, ctx.caller, requireUuid(id, 'id', 'order')));
  }

  @Authorized()
  @Mutation(() => [OrderType], {
    description:
      "Checks out the signed-in customer's cart: items in stock become one order and each preordered product an order of its own, under the store policy in force. Send the same idempotencyKey when retrying: you get the same orders back, never second ones.",
  })
  async checkout(
    @Ctx() ctx: BaseContext,
    @Arg('input', () => CheckoutInput) input: CheckoutInput,
    @TextArg('idempotencyKey', { maxLength: 200 }) idempotencyKey: string,
  ): Promise<OrderType[]> {
    const orders = await checkout(ctx.em, {
      customerId: requireCallerId(ctx.caller),
      lines: input.lines.map((l) => ({ productId: l.productId, quantity: l.quantity })),
      shippingAddress: { ...input.shippingAddress },
      shippingMethod: input.shippingMethod,
      paymentChoice: input.paymentChoice ?? null,
      paymentMethodId: input.paymentMethodId ?? null,
      idempotencyKey,
      mixed: 'split',
    });
    return orders.map(OrderType.of);
  }

  @Authorized()
  @Query(() => CheckoutPreviewType, {
    description:
      'The orders a checkout of this cart would place now, each with its payment plan, what it pays at checkout and later, and its shipping estimate; refused as checkout would refuse the cart. Nothing is written or held.',
  })
  async checkoutPreview(@Ctx() ctx: BaseContext, @Arg('input', () => CheckoutPreviewInput) input: CheckoutPreviewInput): Promise<CheckoutPreviewType> {
    const preview = await previewCheckout(ctx.em, {
      customerId: requireCallerId(ctx.caller),
      lines: input.lines.map((l) => ({ productId: l.productId, quantity: l.quantity })),
      shippingMethod: input.shippingMethod,
      paymentChoice: input.paymentChoice ?? null,
    });
    return CheckoutPreviewType.from(preview);
  }

  @Authorized()
  @Mutation(() => OrderType, {
    deprecationReason: 'Use checkout: it takes the address, shipping method and payment choice, and splits a mixed cart.',
    description: 'Places one order for the signed-in customer (no address yet; shipping quoted when packed). Send the same idempotencyKey when retrying.',
  })
  async placeOrder(
    @Ctx() ctx: BaseContext,
    @Arg('input', () => PlaceOrderInput) input: PlaceOrderInput,
    @TextArg('idempotencyKey', { maxLength: 200 }) idempotencyKey: string,
  ): Promise<OrderType> {
    const order = await placeOrder(ctx.em, {
      customerId: requireCallerId(ctx.caller),
      lines: input.lines.map((l) => ({ productId: l.productId, quantity: l.quantity })),
      idempotencyKey,
    });
    return OrderType.of(order);
  }

  @Authorized()
  @Query(() => CancellationQuoteType, { description: 'What cancelling your order now would do: allowed or not, the fee, the refund and the rule.' })
  async cancellationQuote(
    @Ctx() ctx: BaseContext,
    @Arg('orderId', () => ID) orderId: string,
    @Arg('language', () => RuleLanguageEnum, ruleLanguageArg) language: RuleLanguage,
  ): Promise<CancellationQuoteType> {
    return CancellationQuoteType.from(await cancellationQuoteFor(ctx.em, ctx.caller, requireUuid(orderId, 'orderId', 'order'), policyLanguage(language)));
  }

  @Authorized()
  @Mutation(() => OrderType, {
    description:
      "Cancels an order. Its customer: on exactly the terms of cancellationQuote (send its token; changed terms are a CONFLICT), or a request staff review where the store's policy says so. Staff with orders:manage: any unshipped order, with a reason (1-500 characters), optionally waiving the fees (audited).",
  })
  async cancelOrder(
    @Ctx() ctx: BaseContext,
    @Arg('id', () => ID) id: string,
    @TextArg('quoteToken', { maxLength: 64, nullable: true }) quoteToken: string | null,
    @TextArg('reason', { maxLength: 1000, nullable: true }) reason: string | null,
    @Arg('waiveFees', () => Boolean, { defaultValue: false }) waiveFees: boolean,
  ): Promise<OrderType> {
    const orderId = requireUuid(id, 'id', 'order');
    const order =
      reason != null && ctx.caller.scopes.includes('orders:manage')
        ? await cancelByStaff(ctx.em, ctx.caller, orderId, reason, waiveFees)
        : await cancelByCustomer(ctx.em, ctx.caller, orderId, quoteToken?.slice(0, 64) ?? null);
    return OrderType.from(order);
  }

  @Authorized()
  @Mutation(() => OrderType, { description: "Changes where your order ships, while the store's policy allows it, within your region." })
  async changeShippingAddress(
    @Ctx() ctx: BaseContext,
    @Arg('orderId', () => ID) orderId: string,
    @Arg('address', () => ShippingAddressInput, { validate: true }) address: ShippingAddressInput,
  ): Promise<OrderType> {
    return OrderType.from(await changeShippingAddress(ctx.em, ctx.caller, requireUuid(orderId, 'orderId', 'order'), { ...address }));
  }
}
