import type { ServiceDefinition } from '@vitrine/platform';
import { logistics } from './identity.js';
import { logisticsEntities } from './store/entities.js';
import { logisticsMigrations } from './store/migrations/index.js';

export const logisticsService: ServiceDefinition = {
  identity: logistics,
  entities: logisticsEntities,
  migrations: logisticsMigrations,
  resolvers: [],
};
