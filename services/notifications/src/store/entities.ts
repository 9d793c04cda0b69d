import { CustomerContactSchema } from './customer-contact.entity.js';
import { DeliveryAttemptSchema } from './delivery-attempt.entity.js';
import { KnownOrderSchema } from './known-order.entity.js';
import { KnownProductSchema } from './known-product.entity.js';
import { MessageSchema } from './message.entity.js';
import { PartnerSchema } from './partner.entity.js';
import { WebhookAttemptSchema } from './webhook-attempt.entity.js';
import { WebhookDeliverySchema } from './webhook-delivery.entity.js';

export const notificationsEntities = [
  CustomerContactSchema,
  KnownProductSchema,
  KnownOrderSchema,
  MessageSchema,
  DeliveryAttemptSchema,
  PartnerSchema,
  WebhookDeliverySchema,
  WebhookAttemptSchema,
];
