import { topics } from '@vitrine/contracts';
import type { ServiceDefinition } from '@vitrine/platform';
import { ordersHandlers } from './events/handlers.js';
import { OrderResolver } from './schema/order.resolver.js';
import { ordersEntities } from './store/entities.js';
import { ordersMigrations } from './store/migrations/index.js';

export const ordersService: ServiceDefinition = {
  name: 'orders',
  dbSchema: 'orders',
  entities: ordersEntities,
  migrations: ordersMigrations,
  resolvers: [OrderResolver],
  publishes: [topics.ordersOrder],
  handlers: ordersHandlers,
};
