import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '@vitrine/platform';
import { evidenceViewUrl } from '../use-cases/evidence-view.js';
import { EvidenceType } from './claim.type.js';

/** Looking at a claim's photos and videos. */
@Resolver(() => EvidenceType)
export class EvidenceResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      "A short-lived URL to look at the file (10 minutes by default), shown inline as its content type: for the claim's customer and staff with aftersales:decide. Null until the file was found in storage (CONFIRMED), and for anyone else.",
  })
  async viewUrl(@Ctx() ctx: BaseContext, @Root() evidence: EvidenceType): Promise<string | null> {
    return evidenceViewUrl(ctx.caller, evidence);
  }
}
