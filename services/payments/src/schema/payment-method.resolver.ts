import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { requireCallerId, TextArg } from '@vitrine/platform';
import { listPaymentMethods, removePaymentMethod, savePaymentMethod } from '../use-cases/payment-methods.js';
import { PaymentMethodType } from './payment-method.type.js';
import type { PaymentsContext } from './payments-context.js';

@Resolver(() => PaymentMethodType)
export class PaymentMethodResolver {
  @Authorized()
  @Query(() => [PaymentMethodType], { description: 'Your saved cards, newest first.' })
  async myPaymentMethods(@Ctx() ctx: PaymentsContext): Promise<PaymentMethodType[]> {
    return (await listPaymentMethods(ctx.em, requireCallerId(ctx.caller))).map(PaymentMethodType.from);
  }

  @Authorized()
  @Mutation(() => PaymentMethodType, {
    description:
      'Signed-in customer: saves a card for later payments (charge at ship, one-click balances) from a provider token (at most 200 characters); never a card number. Same idempotencyKey (8-200 characters) when retrying.',
  })
  async savePaymentMethod(
    @Ctx() ctx: PaymentsContext,
    @TextArg('token', { maxLength: 200 }) token: string,
    @TextArg('idempotencyKey', { maxLength: 200 }) idempotencyKey: string,
  ): Promise<PaymentMethodType> {
    return PaymentMethodType.from(await savePaymentMethod(ctx.em, ctx.runtime, { customerId: requireCallerId(ctx.caller), token, idempotencyKey }));
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Signed-in customer: removes one of your saved cards (anyone else’s is NOT_FOUND).' })
  async removePaymentMethod(@Ctx() ctx: PaymentsContext, @Arg('id', () => ID) id: string): Promise<boolean> {
    return removePaymentMethod(ctx.em, ctx.runtime, { customerId: requireCallerId(ctx.caller), id });
  }
}
