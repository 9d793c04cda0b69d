import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { MessageStatus } from '../domain/delivery.js';
import type { Language } from '../domain/languages.js';
import type { NoticeKind } from '../domain/notice.js';
import type { DeliveryAttempt } from '../store/delivery-attempt.entity.js';
import type { Message } from '../store/message.entity.js';
import { Staff } from '../identity.js';
import { NotificationKindEnum, NotificationLanguageEnum, NotificationStatusEnum } from './notification-enums.js';

@ObjectType('DeliveryAttempt', { description: 'One try at handing a message to the SMTP server.' })
export class DeliveryAttemptType {
  @Field(() => Date)
  attemptedAt!: Date;

  @Field(() => String, { description: 'SENT or FAILED.' })
  outcome!: string;

  @Field(() => String, { description: "The server's answer, or why it failed." })
  detail!: string;

  @Field(() => Int)
  durationMs!: number;

  static from(row: DeliveryAttempt): DeliveryAttemptType {
    return Object.assign(new DeliveryAttemptType(), { attemptedAt: row.attemptedAt, outcome: row.outcome, detail: row.detail, durationMs: row.durationMs });
  }
}

@ObjectType('NotificationMessage', { description: 'An email to a customer about one event.' })
export class NotificationMessageType {
  @Field(() => ID)
  id!: string;

  @Field(() => NotificationKindEnum)
  kind!: NoticeKind;

  @Field(() => NotificationStatusEnum)
  status!: MessageStatus;

  @Field(() => String, { nullable: true, description: 'As sent (null until then).' })
  subject!: string | null;

  @Field(() => String, { nullable: true, description: 'The address it went to (null until sent, and once the account is deleted).' })
  recipient!: string | null;

  @Field(() => NotificationLanguageEnum, { nullable: true })
  language!: Language | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The email as sent, its plain-text part (at most 20,000 characters). Null until sent, for emails sent before the store kept them, and once the account is deleted. A password reset, address verification or address change is kept with its link removed (it carried a one-time secret, never kept); null if the link could not be removed.',
  })
  text!: string | null;

  @Field(() => ID, { nullable: true })
  orderId!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  sentAt!: Date | null;

  @Field(() => Int)
  attempts!: number;

  @Staff('notifications:write')
  @Field(() => ID, { description: 'Staff (notifications:write).' })
  customerId!: string;

  @Staff('notifications:write')
  @Field(() => String, { nullable: true, description: 'Staff (notifications:write): why the last try failed.' })
  lastError!: string | null;

  @Staff('notifications:write')
  @Field(() => Date, { nullable: true, description: 'Staff (notifications:write): when it is tried next.' })
  nextAttemptAt!: Date | null;

  @Staff('notifications:write')
  @Field(() => [DeliveryAttemptType], { description: 'Staff (notifications:write): every try, oldest first.' })
  deliveryLog!: DeliveryAttemptType[];

  static from(row: Message, log: DeliveryAttempt[] = []): NotificationMessageType {
    return Object.assign(new NotificationMessageType(), {
      id: row.id,
      kind: row.kind as NoticeKind,
      status: row.status as MessageStatus,
      subject: row.subject ?? null,
      recipient: row.recipient ?? null,
      language: (row.language as Language | null) ?? null,
      text: row.bodyText ?? null,
      orderId: row.orderId ?? null,
      createdAt: row.createdAt,
      sentAt: row.sentAt ?? null,
      attempts: row.attempts,
      customerId: row.customerId,
      lastError: row.lastError ?? null,
      nextAttemptAt: row.nextAttemptAt ?? null,
      deliveryLog: log.map((a) => DeliveryAttemptType.from(a)),
    });
  }
}

@ObjectType('EmailPreview', { description: 'A template filled with sample data, as a customer would receive it.' })
export class EmailPreviewType {
  @Field(() => NotificationKindEnum)
  kind!: NoticeKind;

  @Field(() => NotificationLanguageEnum)
  language!: Language;

  @Field(() => String)
  subject!: string;

  @Field(() => String)
  html!: string;

  @Field(() => String)
  text!: string;
}

@ObjectType('NotificationPreferences')
export class NotificationPreferencesType {
  @Field(() => NotificationLanguageEnum, { nullable: true, description: 'Your choice; null: from your country.' })
  language!: Language | null;
}
