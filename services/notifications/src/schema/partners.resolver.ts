import { ArrayMaxSize } from 'class-validator';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import { MaxLength, requireCallerId, requireUuid, type BaseContext } from '@vitrine/platform';
import { partnerNameMaxLength, webhookUrlMaxLength } from '../domain/partners.js';
import { removePartner, updatePartner } from '../use-cases/change-partner.js';
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

@InputType('UpdatePartnerInput', { description: 'The settings to change; those left out stay as they are.' })
export class UpdatePartnerInput {
  @Field(() => String, { nullable: true })
  @MaxLength(partnerNameMaxLength)
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Where deliveries are POSTed (https); waiting deliveries go to the new one.' })
  @MaxLength(webhookUrlMaxLength)
  webhookUrl?: string | null;

  @Field(() => [String], { nullable: true, description: 'The event types it receives from now on; waiting deliveries of the others are cancelled.' })
  @ArrayMaxSize(50)
  @MaxLength(120)
  eventTypes?: string[] | null;
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
  @Mutation(() => PartnerType, {
    description:
      "Staff (notifications:write): changes a partner's name, endpoint or event types (audited); refused as createPartner's settings are (BAD_USER_INPUT, nothing changed); a removed partner is CONFLICT.",
  })
  async updatePartner(
    @Ctx() ctx: BaseContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdatePartnerInput) input: UpdatePartnerInput,
  ): Promise<PartnerType> {
    const actor = requireCallerId(ctx.caller);
    const { name, webhookUrl, eventTypes } = input;
    const changes = { ...(name != null && { name }), ...(webhookUrl != null && { webhookUrl }), ...(eventTypes != null && { eventTypes }) };
    return PartnerType.from(await updatePartner(ctx.em, actor, requireUuid(id, 'id', 'partner'), changes));
  }

  @Staff('notifications:write')
  @Mutation(() => PartnerType, {
    description:
      'Staff (notifications:write): removes a partner (audited): nothing more is sent to it (waiting deliveries are cancelled), its token reaches nothing here, its log stays readable. Removing it again returns it unchanged.',
  })
  async removePartner(@Ctx() ctx: BaseContext, @Arg('id', () => ID) id: string): Promise<PartnerType> {
    const actor = requireCallerId(ctx.caller);
    return PartnerType.from(await removePartner(ctx.em, actor, requireUuid(id, 'id', 'partner')));
  }

  @Staff('notifications:write')
  @Query(() => [PartnerType], { description: 'Staff (notifications:write): every partner, removed ones included (removedAt), oldest first.' })
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
  @Query(() => [WebhookDeliveryType], {
    description: "Staff (notifications:write): a partner's delivery log, newest first.",
    deprecationReason: 'Use partnerDeliveriesConnection: it pages.',
  })
  async partnerDeliveries(
    @Ctx() ctx: BaseContext,
    @Arg('partnerId', () => ID) partnerId: string,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
  ): Promise<WebhookDeliveryType[]> {
    const rows = await partnerDeliveries(ctx.em, requireUuid(partnerId, 'partnerId', 'partner'), deliveryPageSize(first));
    return rows.map(({ delivery, attempts }) => WebhookDeliveryType.from(delivery, attempts));
  }
}
