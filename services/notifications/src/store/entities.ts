import { CustomerContactSchema } from './customer-contact.entity.js';
import { DeliveryAttemptSchema } from './delivery-attempt.entity.js';
import { KnownOrderSchema } from './known-order.entity.js';
import { KnownProductSchema } from './known-product.entity.js';
import { MessageSchema } from './message.entity.js';

export const notificationsEntities = [CustomerContactSchema, KnownProductSchema, KnownOrderSchema, MessageSchema, DeliveryAttemptSchema];
