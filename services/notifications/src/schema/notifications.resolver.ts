import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import { MaxLength, requireCallerId, requireUuid, TextArg, type BaseContext } from '@vitrine/platform';
import { runtimeOf } from '../config/notifications-runtime.js';
import type { MessageStatus } from '../domain/delivery.js';
import type { Language } from '../domain/languages.js';
import type { NoticeKind } from '../domain/notice.js';
import { previewMessage } from '../use-cases/preview.js';
import { customerMessage, customerMessagePage, customerMessages, retryFailedMessage, staffMessages } from '../use-cases/read-messages.js';
import { setLanguage } from '../use-cases/remember-contacts.js';
import { Staff } from '../identity.js';
import { NotificationKindEnum, NotificationLanguageEnum, NotificationStatusEnum } from './notification-enums.js';
import { EmailPreviewType, NotificationMessageType, NotificationPreferencesType } from './notification-message.type.js';
import { NotificationMessageConnection } from './staff-reads.type.js';

@InputType('NotificationMessageFilter')
export class NotificationMessageFilterInput {
  @Field(() => ID, { nullable: true })
  @MaxLength(36)
  customerId?: string | null;

  @Field(() => NotificationStatusEnum, { nullable: true })
  status?: MessageStatus | null;

  @Field(() => NotificationKindEnum, { nullable: true })
  kind?: NoticeKind | null;
}

@Resolver()
export class NotificationsResolver {
  @Authorized()
  @Query(() => [NotificationMessageType], {
    description: 'The emails the store sent you (or is about to), newest first.',
    deprecationReason: 'Use myNotificationsConnection: it pages.',
  })
  async myNotifications(@Ctx() ctx: BaseContext, @Arg('first', () => Int, { nullable: true }) first: number | null): Promise<NotificationMessageType[]> {
    const rows = await customerMessages(ctx.em, requireCallerId(ctx.caller), first);
    return rows.map((row) => NotificationMessageType.from(row));
  }

  @Authorized()
  @Query(() => NotificationMessageConnection, {
    description:
      'The emails the store sent you (or is about to), newest first, by pages (first: 1-100, default 20). BAD_USER_INPUT INVALID_CURSOR: not a cursor of this list.',
  })
  async myNotificationsConnection(
    @Ctx() ctx: BaseContext,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @TextArg('after', { maxLength: 500, nullable: true, description: 'A cursor from a previous page (at most 500 characters).' }) after: string | null,
  ): Promise<NotificationMessageConnection> {
    const page = await customerMessagePage(ctx.em, requireCallerId(ctx.caller), first, after);
    return Object.assign(new NotificationMessageConnection(), {
      edges: page.items.map((item) => ({ node: NotificationMessageType.from(item.message), cursor: item.cursor })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    });
  }

  @Authorized()
  @Query(() => NotificationMessageType, { description: 'One email the store sent you, with its text; anyone else’s, or an unknown id, is NOT_FOUND.' })
  async myNotification(@Ctx() ctx: BaseContext, @Arg('id', () => ID) id: string): Promise<NotificationMessageType> {
    return NotificationMessageType.from(await customerMessage(ctx.em, requireCallerId(ctx.caller), requireUuid(id, 'id', 'message')));
  }

  @Authorized()
  @Mutation(() => NotificationPreferencesType, { description: 'The language the store writes to you in (by default, your country’s).' })
  async setNotificationLanguage(
    @Ctx() ctx: BaseContext,
    @Arg('language', () => NotificationLanguageEnum) language: Language,
  ): Promise<NotificationPreferencesType> {
    const contact = await setLanguage(ctx.em, requireCallerId(ctx.caller), language);
    return Object.assign(new NotificationPreferencesType(), { language: contact.language });
  }

  @Staff('notifications:write')
  @Query(() => EmailPreviewType, { description: 'Staff (notifications:write): a template filled with sample data, subject, HTML and text.' })
  notificationPreview(
    @Ctx() ctx: BaseContext,
    @Arg('kind', () => NotificationKindEnum) kind: NoticeKind,
    @Arg('language', () => NotificationLanguageEnum) language: Language,
  ): EmailPreviewType {
    const rendered = previewMessage(kind, language, runtimeOf(ctx.em).settings.STOREFRONT_URL);
    return Object.assign(new EmailPreviewType(), { kind, language, ...rendered });
  }

  @Staff('notifications:write')
  @Query(() => [NotificationMessageType], {
    description: 'Staff (notifications:write): messages with their delivery logs, newest first; FAILED ones need a look.',
    deprecationReason: 'Use notificationMessagesConnection: it pages.',
  })
  async notificationMessages(
    @Ctx() ctx: BaseContext,
    @Arg('filter', () => NotificationMessageFilterInput, { nullable: true }) filter: NotificationMessageFilterInput | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
  ): Promise<NotificationMessageType[]> {
    const rows = await staffMessages(ctx.em, { ...filter }, first);
    return rows.map(({ message, log }) => NotificationMessageType.from(message, log));
  }

  @Staff('notifications:write')
  @Mutation(() => NotificationMessageType, { description: 'Staff (notifications:write): sends a FAILED message again, with a fresh round of tries.' })
  async retryNotificationMessage(@Ctx() ctx: BaseContext, @Arg('id', () => ID) id: string): Promise<NotificationMessageType> {
    const { message, log } = await retryFailedMessage(ctx.em, requireUuid(id, 'id', 'message'));
    return NotificationMessageType.from(message, log);
  }
}
