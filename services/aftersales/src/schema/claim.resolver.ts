import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ClaimResolutionKind } from '@vitrine/contracts';
import { requireUuid, type BaseContext } from '@vitrine/platform';
import { refusalGrounds } from '@vitrine/policy';
import type { AftersalesContext } from './aftersales-context.js';
import { chooseResolution } from '../use-cases/choose-resolution.js';
import { requestEvidenceUpload } from '../use-cases/evidence-uploads.js';
import { loadClaimFor } from '../use-cases/load-claim.js';
import { policyVersion } from '../use-cases/policy-versions.js';
import { myClaims } from '../use-cases/read-claims.js';
import { startClaim } from '../use-cases/start-claim.js';
import { submitClaim } from '../use-cases/submit-claim.js';
import { ClaimResolutionEnum } from './claim-enums.js';
import { EvidenceUploadInput, StartClaimInput } from './claim.input.js';
import { ClaimRuleType, ClaimType, EvidenceType, EvidenceUploadType, UploadHeaderType } from './claim.type.js';

/** What customers do with their claims (staff's side: claim-staff.resolver.ts). */
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
      parts: input.parts.map((p) => ({ name: p.name ?? null, category: p.category ?? null, issue: p.issue, note: p.note ?? null })),
    });
    return ClaimType.from(claim);
  }

  @Authorized()
  @Mutation(() => EvidenceUploadType, {
    description:
      'A short-lived URL to upload one photo or video of a draft claim (or one sent back for more evidence) straight to storage, bound to its type and size.',
  })
  async requestEvidenceUpload(
    @Ctx() ctx: BaseContext,
    @Arg('claimId', () => ID) claimId: string,
    @Arg('input', () => EvidenceUploadInput) input: EvidenceUploadInput,
  ): Promise<EvidenceUploadType> {
    const { evidence, ticket } = await requestEvidenceUpload(ctx.em, ctx.caller, requireUuid(claimId, 'claimId', 'claim'), input.contentType, input.sizeBytes);
    return Object.assign(new EvidenceUploadType(), {
      evidence: EvidenceType.from(evidence, null),
      url: ticket.url,
      headers: Object.entries(ticket.headers).map(([name, value]) => Object.assign(new UploadHeaderType(), { name, value })),
      expiresAt: evidence.uploadExpiresAt,
    });
  }

  @Authorized()
  @Mutation(() => ClaimType, {
    description:
      'Submits a draft claim (or one staff sent back for more evidence) once every file has arrived in storage; the policy checks the window and the evidence it requires.',
  })
  async submitClaim(@Ctx() ctx: BaseContext, @Arg('claimId', () => ID) claimId: string): Promise<ClaimType> {
    return ClaimType.from(await submitClaim(ctx.em, ctx.caller, requireUuid(claimId, 'claimId', 'claim')));
  }

  @Authorized()
  @Mutation(() => ClaimType, {
    description:
      'Chooses one of the resolutions staff offered on your decided claim: a refund or a discount closes it (payments refunds it), a part, an exchange or a return is carried out next.',
  })
  async chooseClaimResolution(
    @Ctx() ctx: BaseContext,
    @Arg('claimId', () => ID) claimId: string,
    @Arg('resolution', () => ClaimResolutionEnum) resolution: ClaimResolutionKind,
  ): Promise<ClaimType> {
    return ClaimType.from(await chooseResolution(ctx.em, ctx.caller, requireUuid(claimId, 'claimId', 'claim'), resolution));
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

  @FieldResolver(() => [EvidenceType])
  async evidence(@Ctx() ctx: AftersalesContext, @Root() claim: ClaimType): Promise<EvidenceType[]> {
    return (await ctx.evidenceByClaim.load(claim.id)).map((e) => EvidenceType.from(e, claim.customerId));
  }

  @FieldResolver(() => [ClaimRuleType], { description: "The rules of the claim's policy it may be refused under (its exclusions and coverage rules)." })
  async refusalGrounds(@Ctx() ctx: BaseContext, @Root() claim: ClaimType): Promise<ClaimRuleType[]> {
    // Policy versions are parsed once per process, so this is no query per claim.
    return refusalGrounds(await policyVersion(ctx.em, claim.policyVersion)).map((g) => ClaimRuleType.of(g.rule, claim.policyVersion));
  }
}
