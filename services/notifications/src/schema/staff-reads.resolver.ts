import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { requireUuid, TextArg, type BaseContext } from '@vitrine/platform';
import type { Language } from '../domain/languages.js';
import { partnerEventTypeList } from '../domain/partner-event-types.js';
import { Staff } from '../identity.js';
import { findPartner } from '../use-cases/partners.js';
import { partnerDeliveryPage } from '../use-cases/read-partner-log.js';
import { staffMessagePage } from '../use-cases/read-messages.js';
import { NotificationLanguageEnum } from './notification-enums.js';
import { NotificationMessageFilterInput } from './notifications.resolver.js';
import { deliveryPageSize } from './partner-args.js';
import { NotificationMessageType } from './notification-message.type.js';
import { PartnerType, WebhookDeliveryType } from './partner.type.js';
import { NotificationMessageConnection, PartnerEventTypeType, WebhookDeliveryConnection } from './staff-reads.type.js';

const afterArg = { maxLength: 500, nullable: true, description: 'A cursor from a previous page (at most 500 characters).' } as const;

/** Staff's reads of one partner, what partners may be granted, and the paged logs. */
@Resolver()
export class StaffReadsResolver {
  @Staff('notifications:write')
  @Query(() => PartnerType, { description: 'Staff (notifications:write): one partner, removed or not (removedAt); an unknown id is NOT_FOUND.' })
  async partner(@Ctx() ctx: BaseContext, @Arg('id', () => ID) id: string): Promise<PartnerType> {
    return PartnerType.from(await findPartner(ctx.em, requireUuid(id, 'id', 'partner')));
  }

  @Staff('notifications:write')
  @Query(() => [PartnerEventTypeType], {
    description: 'Staff (notifications:write): every event type a partner may be granted (createPartner / updatePartner eventTypes), with what it tells.',
  })
  partnerEventTypes(
    @Arg('language', () => NotificationLanguageEnum, { defaultValue: 'en', description: 'The language of the descriptions (English by default).' })
    language: Language,
  ): PartnerEventTypeType[] {
    return partnerEventTypeList(language).map((t) => Object.assign(new PartnerEventTypeType(), t));
  }

  @Staff('notifications:write')
  @Query(() => WebhookDeliveryConnection, {
    description:
      "Staff (notifications:write): a partner's delivery log, newest first, by pages (first: 1-200, default 50). BAD_USER_INPUT INVALID_CURSOR: not a cursor of this log.",
  })
  async partnerDeliveriesConnection(
    @Ctx() ctx: BaseContext,
    @Arg('partnerId', () => ID) partnerId: string,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @TextArg('after', afterArg) after: string | null,
  ): Promise<WebhookDeliveryConnection> {
    const page = await partnerDeliveryPage(ctx.em, requireUuid(partnerId, 'partnerId', 'partner'), deliveryPageSize(first), after);
    return Object.assign(new WebhookDeliveryConnection(), {
      edges: page.items.map((item) => ({ node: WebhookDeliveryType.from(item.delivery, item.attempts), cursor: item.cursor })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    });
  }

  @Staff('notifications:write')
  @Query(() => NotificationMessageConnection, {
    description:
      'Staff (notifications:write): messages with their delivery logs, newest first, filtered, by pages (first: 1-100, default 20). BAD_USER_INPUT INVALID_CURSOR: not a cursor of this list.',
  })
  async notificationMessagesConnection(
    @Ctx() ctx: BaseContext,
    @Arg('filter', () => NotificationMessageFilterInput, { nullable: true }) filter: NotificationMessageFilterInput | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @TextArg('after', afterArg) after: string | null,
  ): Promise<NotificationMessageConnection> {
    const page = await staffMessagePage(ctx.em, { ...filter }, first, after);
    return Object.assign(new NotificationMessageConnection(), {
      edges: page.items.map((item) => ({ node: NotificationMessageType.from(item.message, item.log), cursor: item.cursor })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    });
  }
}
