import type { ServiceDefinition } from '@vitrine/platform';
import { loadLogisticsSettings } from './config/logistics-env.js';
import { attachRuntime } from './config/logistics-runtime.js';
import { logisticsHandlers, logisticsTimers } from './events/handlers.js';
import { carrierWebhookRoute } from './http/carrier-webhook.route.js';
import { logistics } from './identity.js';
import { ConsolidationResolver } from './schema/consolidation.resolver.js';
import { EstimateResolver } from './schema/estimate.resolver.js';
import { extendContext, type LogisticsContext } from './schema/logistics-context.js';
import { OrderShipments, OrderShipmentsResolver, resolveOrderReference } from './schema/order-shipments.js';
import { RateTableResolver } from './schema/rate-table.resolver.js';
import { ShipmentResolver } from './schema/shipment.resolver.js';
import { seedDemoRateTable } from './seed/demo-rate-table.js';
import { logisticsEntities } from './store/entities.js';
import { logisticsMigrations } from './store/migrations/index.js';
import { purgeLogisticsRows } from './use-cases/housekeeping.js';

export const logisticsService: ServiceDefinition<LogisticsContext> = {
  identity: logistics,
  entities: logisticsEntities,
  migrations: logisticsMigrations,
  resolvers: [RateTableResolver, EstimateResolver, ShipmentResolver, ConsolidationResolver, OrderShipmentsResolver],
  orphanedTypes: [OrderShipments],
  referenceResolvers: { Order: { __resolveReference: resolveOrderReference } },
  extendContext,
  handlers: logisticsHandlers,
  timers: logisticsTimers,
  httpRoutes: { '/webhooks/carrier': carrierWebhookRoute },
  housekeeping: (em) => purgeLogisticsRows(em),
  onStart: async ({ orm, workerOrm, environment, logger }) => {
    const settings = loadLogisticsSettings(environment);
    attachRuntime([orm, workerOrm], { settings, logger });
    logger.info({ carriers: [...settings.carrierWebhookSecrets.keys()] }, 'logistics: carrier webhooks accepted from these carriers');
  },
  seed: seedDemoRateTable,
};
