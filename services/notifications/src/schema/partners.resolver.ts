import { ArrayMaxSize } from 'class-validator';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import { MaxLength, requireUuid, type BaseContext } from '@vitrine/platform';
import { partnerNameMaxLength, webhookUrlMaxLength } from '../domain/partners.js';
import { createPartner, enablePartner, listPartners, partnerDeliveries, replayPartnerEvents, rotatePartnerSecret } from '../use-cases/partners.js';
import { Staff } from '../identity.js';
import { checkReplaySince, deliveryPageSize } from './partner-args.js';
import { PartnerSecretType, PartnerType, WebhookDeliveryType } from './partner.type.js';

@InputType('CreatePartnerInput')
export class CreatePartnerInput {
  @Field(() => String)
  @MaxLength(partnerNameMaxLength)
  name!: string;

  @Field(() => String, { description: 'Where deliveries are POSTed (https).' })
  @MaxLength(webhookUrlMaxLength)
  webhookUrl!: string;

  @Field(() => [String], { description: 'Event types to receive, e.g. orders.order.status-changed.' })
  @ArrayMaxSize(50)
  @MaxLength(120)
  eventTypes!: string[];
}

const secretOf = (partner: Parameters<typeof PartnerType.from>[0]) =>
  Object.assign(new PartnerSecretType(), { partner: PartnerType.from(partner), secret: partner.secret });

@Resolver()
export class PartnersResolver {
  @Staff('notifications:write')
  @Mutation(() => PartnerSecretType, {
    description: 'Staff (notifications:write): registers a partner endpoint and the events it receives; its secret is shown once.',
  })
  async createPartner(@Ctx() ctx: BaseContext, @Arg('input', () => CreatePartnerInput) input: CreatePartnerInput): Promise<PartnerSecretType> {
    return secretOf(await createPartner(ctx.em, input));
  }

  @Staff('notifications:write')
  @Query(() => [PartnerType], { description: 'Staff (notifications:write): every partner.' })
  async partners(@Ctx() ctx: BaseContext): Promise<PartnerType[]> {
    return (await listPartners(ctx.em)).map((p) => PartnerType.from(p));
  }

  @Staff('notifications:write')
  @Mutation(() => PartnerSecretType, { description: 'Staff (notifications:write): a new signing secret; the old one also signs for 24 hours.' })
  async rotatePartnerSecret(@Ctx() ctx: BaseContext, @Arg('id', () => ID) id: string): Promise<PartnerSecretType> {
    return secretOf(await rotatePartnerSecret(ctx.em, requireUuid(id, 'id', 'partner')));
  }

  @Staff('notifications:write')
  @Mutation(() => PartnerType, { description: 'Staff (notifications:write): enables an endpoint disabled after failures; what waited is delivered, in order.' })
  async enablePartnerEndpoint(@Ctx() ctx: BaseContext, @Arg('id', () => ID) id: string): Promise<PartnerType> {
    return PartnerType.from(await enablePartner(ctx.em, requireUuid(id, 'id', 'partner')));
  }

  @Staff('notifications:write')
  @Mutation(() => Int, { description: 'Staff (notifications:write): sends again what the partner was sent since a time, or after an event; returns how many.' })
  async replayPartnerEvents(
    @Ctx() ctx: BaseContext,
    @Arg('partnerId', () => ID) partnerId: string,
    @Arg('since', () => Date, { nullable: true }) since: Date | null,
    @Arg('afterEventId', () => ID, { nullable: true }) afterEventId: string | null,
  ): Promise<number> {
    return replayPartnerEvents(ctx.em, requireUuid(partnerId, 'partnerId', 'partner'), {
      since: checkReplaySince(since),
      afterEventId: afterEventId ? requireUuid(afterEventId, 'afterEventId', 'event') : null,
    });
  }

  @Staff('notifications:write')
  @Query(() => [WebhookDeliveryType], { description: "Staff (notifications:write): a partner's delivery log, newest first." })
  async partnerDeliveries(
    @Ctx() ctx: BaseContext,
    @Arg('partnerId', () => ID) partnerId: string,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
  ): Promise<WebhookDeliveryType[]> {
    const rows = await partnerDeliveries(ctx.em, requireUuid(partnerId, 'partnerId', 'partner'), deliveryPageSize(first));
    return rows.map(({ delivery, attempts }) => WebhookDeliveryType.from(delivery, attempts));
  }
}
