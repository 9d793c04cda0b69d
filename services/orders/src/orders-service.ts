import { orders } from './identity.js';
import { customerRegionProjection, type ServiceDefinition } from '@vitrine/platform';
import { ordersHandlers } from './events/handlers.js';
import { CustomerOrdersResolver, resolveCustomerReference } from './schema/customer-orders.resolver.js';
import { CustomerOrders } from './schema/customer-orders.type.js';
import { OrderResolver } from './schema/order.resolver.js';
import { createOrderLoader } from './schema/order-loader.js';
import { resolveOrderReference } from './schema/order.reference.js';
import type { OrdersContext } from './schema/orders-context.js';
import { ordersEntities } from './store/entities.js';
import { ordersMigrations } from './store/migrations/index.js';

export const ordersService: ServiceDefinition<OrdersContext> = {
  identity: orders,
  entities: ordersEntities,
  migrations: ordersMigrations,
  resolvers: [OrderResolver, CustomerOrdersResolver],
  orphanedTypes: [CustomerOrders],
  referenceResolvers: { Customer: { __resolveReference: resolveCustomerReference }, Order: { __resolveReference: resolveOrderReference } },
  extendContext: (base): OrdersContext => ({ ...base, orderById: createOrderLoader(base.em) }),
  handlers: ordersHandlers,
  projections: [customerRegionProjection],
};
