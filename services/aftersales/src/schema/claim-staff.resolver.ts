import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { requireUuid, TextArg, type BaseContext } from '@vitrine/platform';
import { Staff } from '../identity.js';
import { closeClaim } from '../use-cases/close-claim.js';
import { decideClaim } from '../use-cases/decide-claim.js';
import { receiveClaimReturn } from '../use-cases/receive-claim-return.js';
import { refuseClaim } from '../use-cases/refuse-claim.js';
import { requestMoreEvidence } from '../use-cases/request-more-evidence.js';
import { claimQueue } from '../use-cases/staff-queue.js';
import { startClaimReview } from '../use-cases/start-review.js';
import { DecideClaimInput, RefuseClaimInput } from './claim.input.js';
import { ClaimType } from './claim.type.js';
import { ReceiveReturnInput } from './return.input.js';
import { ClaimQueueFilterInput, ClaimQueuePage } from './staff-queue.type.js';

/** Staff's side of claims (aftersales:decide): the queue and each decision, audited. */
@Resolver(() => ClaimType)
export class ClaimStaffResolver {
  @Staff('aftersales:decide')
  @Mutation(() => ClaimType, {
    description: 'Staff (aftersales:decide): take a submitted claim into review (UNDER_REVIEW); deciding, refusing or asking for evidence follow.',
  })
  async startClaimReview(@Ctx() ctx: BaseContext, @Arg('claimId', () => ID) claimId: string): Promise<ClaimType> {
    return ClaimType.from(await startClaimReview(ctx.em, ctx.caller, requireUuid(claimId, 'claimId', 'claim')));
  }

  @Staff('aftersales:decide')
  @Mutation(() => ClaimType, {
    description:
      "Staff (aftersales:decide): grade each part and offer the customer the resolutions the policy allows for the claim's kind, each with its amount.",
  })
  async decideClaim(
    @Ctx() ctx: BaseContext,
    @Arg('claimId', () => ID) claimId: string,
    @Arg('input', () => DecideClaimInput) input: DecideClaimInput,
  ): Promise<ClaimType> {
    const grades = input.grades.map((g) => ({ grade: g.grade ?? null, staffAmount: g.staffAmount ?? null }));
    const decision = {
      grades,
      resolutions: input.resolutions ?? null,
      discountAmount: input.discountAmount ?? null,
      studioHasParts: input.studioHasParts ?? null,
      note: input.note ?? null,
    };
    return ClaimType.from(await decideClaim(ctx.em, ctx.caller, requireUuid(claimId, 'claimId', 'claim'), decision));
  }

  @Staff('aftersales:decide')
  @Mutation(() => ClaimType, { description: 'Staff (aftersales:decide): send a submitted claim back to its customer for more evidence, saying what to add.' })
  async requestMoreEvidence(
    @Ctx() ctx: BaseContext,
    @Arg('claimId', () => ID) claimId: string,
    @TextArg('note', { maxLength: 1000 }) note: string,
  ): Promise<ClaimType> {
    return ClaimType.from(await requestMoreEvidence(ctx.em, ctx.caller, requireUuid(claimId, 'claimId', 'claim'), note));
  }

  @Staff('aftersales:decide')
  @Mutation(() => ClaimType, { description: "Staff (aftersales:decide): refuse a submitted claim citing one of its policy's refusal grounds." })
  async refuseClaim(
    @Ctx() ctx: BaseContext,
    @Arg('claimId', () => ID) claimId: string,
    @Arg('input', () => RefuseClaimInput) input: RefuseClaimInput,
  ): Promise<ClaimType> {
    return ClaimType.from(await refuseClaim(ctx.em, ctx.caller, requireUuid(claimId, 'claimId', 'claim'), { rule: input.rule, note: input.note ?? null }));
  }

  @Staff('aftersales:decide')
  @Mutation(() => ClaimType, { description: 'Staff (aftersales:decide): close a resolving claim once its part, exchange or return is carried out.' })
  async closeClaim(
    @Ctx() ctx: BaseContext,
    @Arg('claimId', () => ID) claimId: string,
    @TextArg('note', { maxLength: 1000, nullable: true }) note: string | null,
  ): Promise<ClaimType> {
    return ClaimType.from(await closeClaim(ctx.em, ctx.caller, requireUuid(claimId, 'claimId', 'claim'), note ?? null));
  }

  @Staff('aftersales:decide')
  @Mutation(() => ClaimType, {
    description:
      'Staff (aftersales:decide): the item of a claim resolved by RETURN came back: record its condition; it refunds what the offer said (capped by what the line has left) and closes the claim.',
  })
  async receiveClaimReturn(
    @Ctx() ctx: BaseContext,
    @Arg('claimId', () => ID) claimId: string,
    @Arg('input', () => ReceiveReturnInput) input: ReceiveReturnInput,
  ): Promise<ClaimType> {
    const id = requireUuid(claimId, 'claimId', 'claim');
    return ClaimType.from(await receiveClaimReturn(ctx.em, ctx.caller, id, { condition: input.condition, note: input.note ?? null }));
  }

  @Staff('aftersales:decide')
  @Query(() => ClaimQueuePage, {
    description: 'Staff (aftersales:decide): the claim queue, filtered, oldest submission first by default; first: 1-100 (50), offset for later pages.',
  })
  async claims(
    @Ctx() ctx: BaseContext,
    @Arg('filter', () => ClaimQueueFilterInput, { nullable: true }) filter: ClaimQueueFilterInput | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Arg('oldestFirst', () => Boolean, { defaultValue: true }) oldestFirst: boolean,
  ): Promise<ClaimQueuePage> {
    const f = filter ?? {};
    const terms = {
      statuses: f.statuses ?? null,
      kinds: f.kinds ?? null,
      orderId: f.orderId ? requireUuid(f.orderId, 'filter.orderId', 'order') : null,
      customerId: f.customerId ? requireUuid(f.customerId, 'filter.customerId', 'customer') : null,
      submittedAfter: f.submittedAfter ?? null,
      submittedBefore: f.submittedBefore ?? null,
    };
    return ClaimQueuePage.from(await claimQueue(ctx.em, terms, { first, offset, oldestFirst }));
  }
}
