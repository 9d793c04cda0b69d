import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireUuid, type BaseContext } from '@vitrine/platform';
import type { AftersalesContext } from './aftersales-context.js';
import { Staff } from '../identity.js';
import { decideClaim } from '../use-cases/decide-claim.js';
import { requestEvidenceUpload } from '../use-cases/evidence-uploads.js';
import { listClaims, myClaims } from '../use-cases/read-claims.js';
import { loadClaimFor } from '../use-cases/load-claim.js';
import { startClaim } from '../use-cases/start-claim.js';
import { submitClaim } from '../use-cases/submit-claim.js';
import { ClaimStatusEnum } from './claim-enums.js';
import { DecideClaimInput, EvidenceUploadInput, StartClaimInput } from './claim.input.js';
import { ClaimType, EvidenceType, EvidenceUploadType, UploadHeaderType } from './claim.type.js';

@Resolver(() => ClaimType)
export class ClaimResolver {
  @Authorized()
  @Mutation(() => ClaimType, {
    description:
      "Opens a claim on a line of your delivered order, judged by the order's store policy: refused at once (POLICY_VIOLATION with the rule) when not covered or too late.",
  })
  async startClaim(@Ctx() ctx: BaseContext, @Arg('input', () => StartClaimInput) input: StartClaimInput): Promise<ClaimType> {
    const claim = await startClaim(ctx.em, ctx.caller, {
      ...input,
      orderId: requireUuid(input.orderId, 'orderId', 'order'),
      productId: requireUuid(input.productId, 'productId', 'product'),
      parts: input.parts.map((p) => ({ ...p, note: p.note ?? null })),
    });
    return ClaimType.from(claim);
  }

  @Authorized()
  @Mutation(() => EvidenceUploadType, {
    description: 'A short-lived URL to upload one photo or video of a draft claim straight to storage, bound to its type and size.',
  })
  async requestEvidenceUpload(
    @Ctx() ctx: BaseContext,
    @Arg('claimId', () => ID) claimId: string,
    @Arg('input', () => EvidenceUploadInput) input: EvidenceUploadInput,
  ): Promise<EvidenceUploadType> {
    const { evidence, ticket } = await requestEvidenceUpload(ctx.em, ctx.caller, requireUuid(claimId, 'claimId', 'claim'), input.contentType, input.sizeBytes);
    return Object.assign(new EvidenceUploadType(), {
      evidence: EvidenceType.from(evidence),
      url: ticket.url,
      headers: Object.entries(ticket.headers).map(([name, value]) => Object.assign(new UploadHeaderType(), { name, value })),
      expiresAt: evidence.uploadExpiresAt,
    });
  }

  @Authorized()
  @Mutation(() => ClaimType, {
    description: 'Submits a draft claim once every file has arrived in storage; the policy checks the window and the evidence it requires.',
  })
  async submitClaim(@Ctx() ctx: BaseContext, @Arg('claimId', () => ID) claimId: string): Promise<ClaimType> {
    return ClaimType.from(await submitClaim(ctx.em, ctx.caller, requireUuid(claimId, 'claimId', 'claim')));
  }

  @Staff('aftersales:decide')
  @Mutation(() => ClaimType, {
    description: "Staff (aftersales:decide): grade each part and decide; a partial refund follows the policy's compensation table.",
  })
  async decideClaim(
    @Ctx() ctx: BaseContext,
    @Arg('claimId', () => ID) claimId: string,
    @Arg('input', () => DecideClaimInput) input: DecideClaimInput,
  ): Promise<ClaimType> {
    const grades = input.grades.map((g) => ({ grade: g.grade ?? null, staffAmount: g.staffAmount ?? null }));
    return ClaimType.from(
      await decideClaim(ctx.em, ctx.caller, requireUuid(claimId, 'claimId', 'claim'), { resolution: input.resolution, grades, note: input.note ?? null }),
    );
  }

  @Authorized()
  @Query(() => ClaimType, { description: 'A claim of yours (staff with aftersales:decide: any).' })
  async claim(@Ctx() ctx: BaseContext, @Arg('id', () => ID) id: string): Promise<ClaimType> {
    return ClaimType.from(await loadClaimFor(ctx.em, ctx.caller, requireUuid(id, 'id', 'claim')));
  }

  @Authorized()
  @Query(() => [ClaimType], { description: 'Your claims, newest first (at most 100).' })
  async myClaims(@Ctx() ctx: BaseContext): Promise<ClaimType[]> {
    return (await myClaims(ctx.em, ctx.caller)).map(ClaimType.from);
  }

  @Staff('aftersales:decide')
  @Query(() => [ClaimType], { description: 'Staff (aftersales:decide): the queue, oldest submitted first (at most 100).' })
  async claims(@Ctx() ctx: BaseContext, @Arg('status', () => ClaimStatusEnum, { defaultValue: 'SUBMITTED' }) status: string): Promise<ClaimType[]> {
    return (await listClaims(ctx.em, status)).map(ClaimType.from);
  }

  @FieldResolver(() => [EvidenceType])
  async evidence(@Ctx() ctx: AftersalesContext, @Root() claim: ClaimType): Promise<EvidenceType[]> {
    return (await ctx.evidenceByClaim.load(claim.id)).map(EvidenceType.from);
  }
}
