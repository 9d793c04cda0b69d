import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { BadUserInput, NotFound, requireCallerId, requireUuid, TextArg } from '@vitrine/platform';
import { Staff } from '../identity.js';
import { confirmPayment } from '../use-cases/confirm-payment.js';
import { listIntents } from '../use-cases/list-intents.js';
import { pay } from '../use-cases/pay.js';
import { loadIntentView } from '../use-cases/views.js';
import { PayInput, PaymentIntentConnection, PaymentIntentFilter, PaymentIntentType } from './payment-intent.type.js';
import { maySeeMoneyOf, type PaymentsContext } from './payments-context.js';

@Resolver(() => PaymentIntentType)
export class PaymentResolver {
  @Authorized()
  @Mutation(() => PaymentIntentType, {
    description:
      'Signed-in customer: pays what your orders owe now (one order, or several orders’ balances in one charge); the amount comes from the orders, never from you. Send the same idempotencyKey (8-200 characters) when retrying: you get the first answer back and are charged once. Already paid: CONFLICT (ALREADY_PAID). Provider down: SERVICE_UNAVAILABLE (not charged) or a PROCESSING payment.',
  })
  async pay(
    @Ctx() ctx: PaymentsContext,
    @Arg('input', () => PayInput) input: PayInput,
    @TextArg('idempotencyKey', { maxLength: 200 }) idempotencyKey: string,
  ): Promise<PaymentIntentType> {
    const { token, savedPaymentMethodId } = input.paymentMethod;
    if ((token == null) === (savedPaymentMethodId == null)) {
      const message = 'Give either a card token or one of your saved cards.';
      throw new BadUserInput(message, [{ field: 'paymentMethod', reason: 'EXACTLY_ONE', message }]);
    }
    const view = await pay(ctx.em, ctx.runtime, {
      customerId: requireCallerId(ctx.caller),
      orderIds: input.orderIds,
      method: token != null ? { token } : { savedPaymentMethodId: savedPaymentMethodId! },
      savePaymentMethod: input.savePaymentMethod ?? false,
      purpose: input.purpose ?? null,
      idempotencyKey,
    });
    return PaymentIntentType.from(view);
  }

  @Authorized()
  @Mutation(() => PaymentIntentType, {
    description:
      'Signed-in customer: the confirmation step your bank asked for (a payment in REQUIRES_ACTION). Same idempotencyKey when retrying (8-200 characters). Anyone else’s payment is NOT_FOUND.',
  })
  async confirmPayment(
    @Ctx() ctx: PaymentsContext,
    @Arg('intentId', () => ID) intentId: string,
    @TextArg('idempotencyKey', { maxLength: 200 }) idempotencyKey: string,
  ): Promise<PaymentIntentType> {
    return PaymentIntentType.from(await confirmPayment(ctx.em, ctx.runtime, { customerId: requireCallerId(ctx.caller), intentId, idempotencyKey }));
  }

  @Authorized()
  @Query(() => PaymentIntentType, { description: 'One of your payments (staff with payments:write or orders:manage: any).' })
  async paymentIntent(@Ctx() ctx: PaymentsContext, @Arg('id', () => ID) id: string): Promise<PaymentIntentType> {
    const view = await loadIntentView(ctx.em, requireUuid(id, 'id', 'payment'));
    if (!view || !maySeeMoneyOf(ctx.caller, view.customerId)) throw new NotFound('Payment', id);
    return PaymentIntentType.from(view);
  }

  @Staff('payments:write')
  @Query(() => PaymentIntentConnection, { description: 'Staff (payments:write): payment intents for the back office, newest first, filtered.' })
  async paymentIntents(
    @Ctx() ctx: PaymentsContext,
    @Arg('filter', () => PaymentIntentFilter, { nullable: true }) filter: PaymentIntentFilter | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @TextArg('after', { maxLength: 500, nullable: true, description: 'A cursor from a previous page (at most 500 characters).' }) after: string | null,
  ): Promise<PaymentIntentConnection> {
    const page = await listIntents(ctx.em, filter ?? {}, first, after);
    return Object.assign(new PaymentIntentConnection(), {
      edges: page.items.map((item) => ({ node: PaymentIntentType.from(item.view), cursor: item.cursor })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    });
  }
}
