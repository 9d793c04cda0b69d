import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { requireUuid, TextArg, type BaseContext } from '@vitrine/platform';
import { Staff } from '../identity.js';
import { closeClaim } from '../use-cases/close-claim.js';
import { decideClaim } from '../use-cases/decide-claim.js';
import { listClaims } from '../use-cases/read-claims.js';
import { refuseClaim } from '../use-cases/refuse-claim.js';
import { requestMoreEvidence } from '../use-cases/request-more-evidence.js';
import { ClaimStatusEnum } from './claim-enums.js';
import { DecideClaimInput, RefuseClaimInput } from './claim.input.js';
import { ClaimType } from './claim.type.js';

/** Staff's side of claims (aftersales:decide): the queue and each decision, audited. */
@Resolver(() => ClaimType)
export class ClaimStaffResolver {
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
  @Query(() => [ClaimType], { description: 'Staff (aftersales:decide): the queue, oldest submitted first (at most 100).' })
  async claims(@Ctx() ctx: BaseContext, @Arg('status', () => ClaimStatusEnum, { defaultValue: 'SUBMITTED' }) status: string): Promise<ClaimType[]> {
    return (await listClaims(ctx.em, status)).map(ClaimType.from);
  }
}
