import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { requireUuid, type BaseContext } from '@vitrine/platform';
import { Staff } from '../identity.js';
import { receiveReturn } from '../use-cases/receive-return.js';
import { listReturns, loadReturnFor, myReturns } from '../use-cases/read-returns.js';
import { requestReturn } from '../use-cases/request-return.js';
import { ReceiveReturnInput, RequestReturnInput } from './return.input.js';
import { PreferenceReturnType, ReturnStatusEnum } from './return.type.js';

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
  @Query(() => [PreferenceReturnType], { description: 'Staff (aftersales:decide): returns in a status, oldest first (at most 100).' })
  async preferenceReturns(
    @Ctx() ctx: BaseContext,
    @Arg('status', () => ReturnStatusEnum, { defaultValue: 'REQUESTED' }) status: string,
  ): Promise<PreferenceReturnType[]> {
    return (await listReturns(ctx.em, status)).map(PreferenceReturnType.from);
  }
}
