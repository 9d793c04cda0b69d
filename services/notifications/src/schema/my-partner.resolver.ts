import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { requirePartner, requireUuid, type BaseContext } from '@vitrine/platform';
import { enablePartner, findOwnPartner, partnerDeliveries, replayPartnerEvents, rotatePartnerSecret } from '../use-cases/partners.js';
import { checkReplaySince, deliveryPageSize } from './partner-args.js';
import { PartnerSecretType, PartnerType, WebhookDeliveryType } from './partner.type.js';

// A partner application, signed in with its client credentials (accounts'
// issuePartnerToken), manages its own integration: its token's subject is
// its partner id, so it reaches nothing of another partner's; once staff
// remove the partner, its token reaches nothing here (UNAUTHENTICATED).

@Resolver()
export class MyPartnerResolver {
  @Query(() => PartnerType, { description: 'Partner application: your own settings (event types, endpoint state). Anyone else: FORBIDDEN.' })
  async myPartner(@Ctx() ctx: BaseContext): Promise<PartnerType> {
    return PartnerType.from(await findOwnPartner(ctx.em, requirePartner(ctx.caller)));
  }

  @Query(() => [WebhookDeliveryType], { description: 'Partner application: your delivery log, newest first (first: 1-200, default 50).' })
  async myPartnerDeliveries(@Ctx() ctx: BaseContext, @Arg('first', () => Int, { nullable: true }) first: number | null): Promise<WebhookDeliveryType[]> {
    const { id: partnerId } = await findOwnPartner(ctx.em, requirePartner(ctx.caller));
    const rows = await partnerDeliveries(ctx.em, partnerId, deliveryPageSize(first));
    return rows.map(({ delivery, attempts }) => WebhookDeliveryType.from(delivery, attempts));
  }

  @Mutation(() => PartnerType, {
    description: 'Partner application: enables your endpoint again after it was disabled for failures; what waited is delivered, in order.',
  })
  async enableMyPartnerEndpoint(@Ctx() ctx: BaseContext): Promise<PartnerType> {
    const { id } = await findOwnPartner(ctx.em, requirePartner(ctx.caller));
    return PartnerType.from(await enablePartner(ctx.em, id));
  }

  @Mutation(() => PartnerSecretType, { description: 'Partner application: a new webhook signing secret, shown once; the old one also signs for 24 hours.' })
  async rotateMyPartnerSecret(@Ctx() ctx: BaseContext): Promise<PartnerSecretType> {
    const { id } = await findOwnPartner(ctx.em, requirePartner(ctx.caller));
    const partner = await rotatePartnerSecret(ctx.em, id);
    return Object.assign(new PartnerSecretType(), { partner: PartnerType.from(partner), secret: partner.secret });
  }

  @Mutation(() => Int, { description: 'Partner application: sends you again what you were sent since a time, or after an event; returns how many.' })
  async replayMyPartnerEvents(
    @Ctx() ctx: BaseContext,
    @Arg('since', () => Date, { nullable: true }) since: Date | null,
    @Arg('afterEventId', () => ID, { nullable: true }) afterEventId: string | null,
  ): Promise<number> {
    const { id: partnerId } = await findOwnPartner(ctx.em, requirePartner(ctx.caller));
    return replayPartnerEvents(ctx.em, partnerId, {
      since: checkReplaySince(since),
      afterEventId: afterEventId ? requireUuid(afterEventId, 'afterEventId', 'event') : null,
    });
  }
}
