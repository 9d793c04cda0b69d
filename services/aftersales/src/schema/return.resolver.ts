import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { requireUuid, type BaseContext } from '@vitrine/platform';
import { Staff } from '../identity.js';
import { receiveReturn } from '../use-cases/receive-return.js';
import { loadReturnFor, myReturns } from '../use-cases/read-returns.js';
import { requestReturn } from '../use-cases/request-return.js';
import { returnOffers } from '../use-cases/return-offer.js';
import { returnQueue } from '../use-cases/staff-queue.js';
import { ReturnOfferType } from './return-offer.type.js';
import { ReceiveReturnInput, RequestReturnInput } from './return.input.js';
import { PreferenceReturnType } from './return.type.js';
import { ReturnQueueFilterInput, ReturnQueuePage } from './staff-queue.type.js';

/** Returns for preference: the customer asks within the policy's window, staff inspect the item on arrival. */
@Resolver(() => PreferenceReturnType)
export class ReturnResolver {
  @Authorized()
  @Mutation(() => PreferenceReturnType, {
    description:
      "Asks to send a line of your delivered order back because you changed your mind, under the order's policy: refused (POLICY_VIOLATION with the rule) after its window or where it takes no such returns.",
  })
  async requestReturn(@Ctx() ctx: BaseContext, @Arg('input', () => RequestReturnInput) input: RequestReturnInput): Promise<PreferenceReturnType> {
    const orderId = requireUuid(input.orderId, 'orderId', 'order');
    const productId = requireUuid(input.productId, 'productId', 'product');
    return PreferenceReturnType.from(await requestReturn(ctx.em, ctx.caller, { orderId, productId, reason: input.reason ?? null }));
  }

  @Authorized()
  @Query(() => ReturnOfferType, {
    description:
      'Whether a line of your delivered order can be sent back for preference now, until when, and what requestReturn would accept now (staff with aftersales:decide: any order).',
  })
  async returnOffer(
    @Ctx() ctx: BaseContext,
    @Arg('orderId', () => ID) orderId: string,
    @Arg('productId', () => ID) productId: string,
  ): Promise<ReturnOfferType> {
    const ids = { order: requireUuid(orderId, 'orderId', 'order'), product: requireUuid(productId, 'productId', 'product') };
    const [offer] = await returnOffers(ctx.em, ctx.caller, ids.order, ids.product);
    return ReturnOfferType.from(offer!);
  }

  @Authorized()
  @Query(() => [ReturnOfferType], { description: 'returnOffer for every line of your order, in one request (staff with aftersales:decide: any order).' })
  async returnOffers(@Ctx() ctx: BaseContext, @Arg('orderId', () => ID) orderId: string): Promise<ReturnOfferType[]> {
    return (await returnOffers(ctx.em, ctx.caller, requireUuid(orderId, 'orderId', 'order'), null)).map(ReturnOfferType.from);
  }

  @Staff('aftersales:decide')
  @Mutation(() => PreferenceReturnType, {
    description: "Staff (aftersales:decide): record a returned item's arrival and condition; payments refunds what the policy gives for it.",
  })
  async receiveReturn(
    @Ctx() ctx: BaseContext,
    @Arg('returnId', () => ID) returnId: string,
    @Arg('input', () => ReceiveReturnInput) input: ReceiveReturnInput,
  ): Promise<PreferenceReturnType> {
    const id = requireUuid(returnId, 'returnId', 'return');
    return PreferenceReturnType.from(await receiveReturn(ctx.em, ctx.caller, id, { condition: input.condition, note: input.note ?? null }));
  }

  @Authorized()
  @Query(() => PreferenceReturnType, { description: 'A return of yours (staff with aftersales:decide: any).' })
  async preferenceReturn(@Ctx() ctx: BaseContext, @Arg('id', () => ID) id: string): Promise<PreferenceReturnType> {
    return PreferenceReturnType.from(await loadReturnFor(ctx.em, ctx.caller, requireUuid(id, 'id', 'return')));
  }

  @Authorized()
  @Query(() => [PreferenceReturnType], { description: 'Your returns, newest first (at most 100).' })
  async myReturns(@Ctx() ctx: BaseContext): Promise<PreferenceReturnType[]> {
    return (await myReturns(ctx.em, ctx.caller)).map(PreferenceReturnType.from);
  }

  @Staff('aftersales:decide')
  @Query(() => ReturnQueuePage, {
    description: 'Staff (aftersales:decide): the return queue, filtered, oldest request first by default; first: 1-100 (50), offset for later pages.',
  })
  async preferenceReturns(
    @Ctx() ctx: BaseContext,
    @Arg('filter', () => ReturnQueueFilterInput, { nullable: true }) filter: ReturnQueueFilterInput | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Arg('oldestFirst', () => Boolean, { defaultValue: true }) oldestFirst: boolean,
  ): Promise<ReturnQueuePage> {
    const f = filter ?? {};
    const terms = {
      statuses: f.statuses ?? null,
      orderId: f.orderId ? requireUuid(f.orderId, 'filter.orderId', 'order') : null,
      customerId: f.customerId ? requireUuid(f.customerId, 'filter.customerId', 'customer') : null,
      requestedAfter: f.requestedAfter ?? null,
      requestedBefore: f.requestedBefore ?? null,
    };
    return ReturnQueuePage.from(await returnQueue(ctx.em, terms, { first, offset, oldestFirst }));
  }
}
