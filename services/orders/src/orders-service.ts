import { customerRegionProjection, loadConfig, type ServiceDefinition } from '@vitrine/platform';
import { ordersEnv } from './config/orders-env.js';
import { ordersHandlers } from './events/handlers.js';
import { orders } from './identity.js';
import { CustomerActionsResolver } from './schema/customer-actions.resolver.js';
import { CustomerOrdersResolver, resolveCustomerReference } from './schema/customer-orders.resolver.js';
import { CustomerOrders } from './schema/customer-orders.type.js';
import { FulfilmentResolver } from './schema/fulfilment.resolver.js';
import { OrderDueRuleResolver } from './schema/order-due-rule.resolver.js';
import { OrderListResolver } from './schema/order-list.resolver.js';
import { createOrderLoader } from './schema/order-loader.js';
import { OrderPolicyResolver } from './schema/order-policy.resolver.js';
import { OrderResolver } from './schema/order.resolver.js';
import { OrderStepsResolver } from './schema/order-steps.resolver.js';
import { resolveOrderReference } from './schema/order.reference.js';
import type { OrdersContext } from './schema/orders-context.js';
import { SandboxClockResolver } from './schema/sandbox-clock.resolver.js';
import { StorePolicyResolver } from './schema/store-policy.resolver.js';
import { ordersEntities } from './store/entities.js';
import { ordersMigrations } from './store/migrations/index.js';
import { ordersTimers } from './use-cases/payment-deadlines.js';
import { ensureStorePolicy } from './use-cases/store-policies.js';

export const ordersService: ServiceDefinition<OrdersContext> = {
  identity: orders,
  entities: ordersEntities,
  migrations: ordersMigrations,
  resolvers: [
    OrderResolver,
    OrderListResolver,
    OrderPolicyResolver,
    OrderDueRuleResolver,
    OrderStepsResolver,
    CustomerActionsResolver,
    CustomerOrdersResolver,
    StorePolicyResolver,
    FulfilmentResolver,
    SandboxClockResolver,
  ],
  orphanedTypes: [CustomerOrders],
  referenceResolvers: { Customer: { __resolveReference: resolveCustomerReference }, Order: { __resolveReference: resolveOrderReference } },
  extendContext: (base): OrdersContext => ({ ...base, orderById: createOrderLoader(base.em) }),
  handlers: ordersHandlers,
  timers: ordersTimers,
  projections: [customerRegionProjection],
  onStart: async ({ orm, environment }) => {
    const settings = loadConfig(ordersEnv, environment);
    await ensureStorePolicy(orm.em.fork(), settings.STORE_POLICY_PRESET);
  },
};
