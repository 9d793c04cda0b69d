import type { ServiceDefinition } from '@vitrine/platform';
import { payments } from './identity.js';
import { paymentsEntities } from './store/entities.js';
import { paymentsMigrations } from './store/migrations/index.js';

export const paymentsService: ServiceDefinition = {
  identity: payments,
  entities: paymentsEntities,
  migrations: paymentsMigrations,
  resolvers: [],
};
