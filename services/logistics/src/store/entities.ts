import type { EntitySchema } from '@mikro-orm/core';
import { CarrierWebhookEventSchema } from './carrier-webhook-event.entity.js';
import { KnownOrderSchema } from './known-order.entity.js';
import { KnownPolicySchema } from './known-policy.entity.js';
import { KnownProductSchema } from './known-product.entity.js';
import { KnownWarehouseSchema } from './known-warehouse.entity.js';
import { RateTableVersionSchema } from './rate-table-version.entity.js';
import { ShipmentOrderSchema } from './shipment-order.entity.js';
import { ShipmentSchema } from './shipment.entity.js';
import { TrackingEventSchema } from './tracking-event.entity.js';

/** logistics's own entities (the platform's tables come with every service). */
export const logisticsEntities: EntitySchema[] = [
  RateTableVersionSchema,
  KnownProductSchema,
  KnownWarehouseSchema,
  KnownPolicySchema,
  KnownOrderSchema,
  ShipmentSchema,
  ShipmentOrderSchema,
  TrackingEventSchema,
  CarrierWebhookEventSchema,
] as EntitySchema[];
