import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { Partner } from '../store/partner.entity.js';
import type { WebhookAttempt } from '../store/webhook-attempt.entity.js';
import type { WebhookDelivery } from '../store/webhook-delivery.entity.js';

@ObjectType('Partner', { description: 'A partner application receiving signed webhooks (Standard Webhooks).' })
export class PartnerType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  webhookUrl!: string;

  @Field(() => [String], { description: 'The event types it receives (and no others).' })
  eventTypes!: string[];

  @Field(() => Boolean, { description: 'False after persistent delivery failure, until enabled again.' })
  enabled!: boolean;

  @Field(() => String, { nullable: true })
  disabledReason!: string | null;

  @Field(() => Date, { nullable: true, description: 'Until when the previous secret still signs, after a rotation.' })
  previousSecretUntil!: Date | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When staff removed it: nothing is sent to it since; its log stays.' })
  removedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'The staff member who removed it.' })
  removedBy!: string | null;

  static from(row: Partner): PartnerType {
    const { id, name, webhookUrl, eventTypes, enabled, createdAt } = row;
    return Object.assign(new PartnerType(), {
      id,
      name,
      webhookUrl,
      eventTypes,
      enabled,
      createdAt,
      disabledReason: row.disabledReason ?? null,
      previousSecretUntil: row.previousSecretUntil ?? null,
      removedAt: row.removedAt ?? null,
      removedBy: row.removedBy ?? null,
    });
  }
}

@ObjectType('PartnerSecret', { description: 'A partner with its signing secret: shown once, when created or rotated.' })
export class PartnerSecretType {
  @Field(() => PartnerType)
  partner!: PartnerType;

  @Field(() => String, { description: 'The Standard Webhooks secret (whsec_...) to verify signatures with.' })
  secret!: string;
}

@ObjectType('WebhookAttempt')
export class WebhookAttemptType {
  @Field(() => Date)
  attemptedAt!: Date;

  @Field(() => Int, { nullable: true, description: "The partner's response code; null when it did not answer." })
  statusCode!: number | null;

  @Field(() => String, { nullable: true })
  error!: string | null;

  @Field(() => Int)
  latencyMs!: number;
}

@ObjectType('WebhookDelivery', { description: 'One event for one partner, and how its delivery went.' })
export class WebhookDeliveryType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The event id, also the webhook-id header.' })
  eventId!: string;

  @Field(() => String)
  eventType!: string;

  @Field(() => String)
  subject!: string;

  @Field(() => String, { description: 'PENDING, DELIVERED, FAILED or CANCELLED (never sent: see cancelledReason).' })
  status!: string;

  @Field(() => String, { nullable: true, description: 'Why a CANCELLED delivery was not sent: the partner removed, or no longer receiving its event type.' })
  cancelledReason!: string | null;

  @Field(() => Int)
  attemptCount!: number;

  @Field(() => ID, { nullable: true, description: 'The delivery this one replays.' })
  replayOf!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  deliveredAt!: Date | null;

  @Field(() => [WebhookAttemptType])
  attempts!: WebhookAttemptType[];

  static from(row: WebhookDelivery, attempts: WebhookAttempt[]): WebhookDeliveryType {
    return Object.assign(new WebhookDeliveryType(), {
      id: row.id,
      eventId: row.eventId,
      eventType: row.eventType,
      subject: row.subject,
      status: row.status,
      attemptCount: row.attempts,
      replayOf: row.replayOf ?? null,
      cancelledReason: row.cancelledReason ?? null,
      createdAt: row.createdAt,
      deliveredAt: row.deliveredAt ?? null,
      attempts: attempts.map((a) =>
        Object.assign(new WebhookAttemptType(), {
          attemptedAt: a.attemptedAt,
          statusCode: a.statusCode ?? null,
          error: a.error ?? null,
          latencyMs: a.latencyMs,
        }),
      ),
    });
  }
}
