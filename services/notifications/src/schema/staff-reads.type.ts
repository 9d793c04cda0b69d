import { Field, ObjectType } from 'type-graphql';
import { PageInfo } from '@vitrine/platform';
import { NotificationMessageType } from './notification-message.type.js';
import { WebhookDeliveryType } from './partner.type.js';

@ObjectType('PartnerEventType', { description: 'An event type a partner may be granted (contracts’ public events).' })
export class PartnerEventTypeType {
  @Field(() => String, { description: 'As granted in eventTypes, e.g. orders.order.status-changed.' })
  type!: string;

  @Field(() => String, { description: 'What it tells the partner.' })
  description!: string;
}

@ObjectType('WebhookDeliveryEdge')
export class WebhookDeliveryEdge {
  @Field(() => WebhookDeliveryType)
  node!: WebhookDeliveryType;

  @Field(() => String)
  cursor!: string;
}

@ObjectType('WebhookDeliveryConnection', { description: "A partner's deliveries, newest first (in the order they were made)." })
export class WebhookDeliveryConnection {
  @Field(() => [WebhookDeliveryEdge])
  edges!: WebhookDeliveryEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType('NotificationMessageEdge')
export class NotificationMessageEdge {
  @Field(() => NotificationMessageType)
  node!: NotificationMessageType;

  @Field(() => String)
  cursor!: string;
}

@ObjectType('NotificationMessageConnection', { description: 'Messages to customers, newest first.' })
export class NotificationMessageConnection {
  @Field(() => [NotificationMessageEdge])
  edges!: NotificationMessageEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
