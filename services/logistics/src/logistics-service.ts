import type { ServiceDefinition } from '@vitrine/platform';
import { logisticsHandlers, logisticsTimers } from './events/handlers.js';
import { logistics } from './identity.js';
import { EstimateResolver } from './schema/estimate.resolver.js';
import { extendContext, type LogisticsContext } from './schema/logistics-context.js';
import { OrderShipments, OrderShipmentsResolver, resolveOrderReference } from './schema/order-shipments.js';
import { RateTableResolver } from './schema/rate-table.resolver.js';
import { ShipmentResolver } from './schema/shipment.resolver.js';
import { seedDemoRateTable } from './seed/demo-rate-table.js';
import { logisticsEntities } from './store/entities.js';
import { logisticsMigrations } from './store/migrations/index.js';

export const logisticsService: ServiceDefinition<LogisticsContext> = {
  identity: logistics,
  entities: logisticsEntities,
  migrations: logisticsMigrations,
  resolvers: [RateTableResolver, EstimateResolver, ShipmentResolver, OrderShipmentsResolver],
  orphanedTypes: [OrderShipments],
  referenceResolvers: { Order: { __resolveReference: resolveOrderReference } },
  extendContext,
  handlers: logisticsHandlers,
  timers: logisticsTimers,
  seed: seedDemoRateTable,
};
