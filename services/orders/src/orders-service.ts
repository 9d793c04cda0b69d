import { orders } from './identity.js';
import { customerRegionProjection, type ServiceDefinition } from '@vitrine/platform';
import { ordersHandlers } from './events/handlers.js';
import { CustomerOrdersResolver, resolveCustomerReference } from './schema/customer-orders.resolver.js';
import { CustomerOrders } from './schema/customer-orders.type.js';
import { OrderResolver } from './schema/order.resolver.js';
import { ordersEntities } from './store/entities.js';
import { ordersMigrations } from './store/migrations/index.js';

export const ordersService: ServiceDefinition = {
  identity: orders,
  entities: ordersEntities,
  migrations: ordersMigrations,
  resolvers: [OrderResolver, CustomerOrdersResolver],
  orphanedTypes: [CustomerOrders],
  referenceResolvers: { Customer: { __resolveReference: resolveCustomerReference } },
  handlers: ordersHandlers,
  projections: [customerRegionProjection],
};
