import type { EventDefinition } from './event-definition.js';
import { accountsEvents } from './events/accounts/index.js';
import { aftersalesEvents } from './events/aftersales/index.js';
import { catalogEvents } from './events/catalog/index.js';
import { logisticsEvents } from './events/logistics/index.js';
import { notificationsEvents } from './events/notifications/index.js';
import { ordersEvents } from './events/orders/index.js';
import { paymentsEvents } from './events/payments/index.js';
import { platformEvents } from './events/platform/index.js';

/** Every event the platform knows, grouped by the service that publishes it. */
export const eventsByProducer = {
  accounts: accountsEvents,
  catalog: catalogEvents,
  orders: ordersEvents,
  payments: paymentsEvents,
  logistics: logisticsEvents,
  platform: platformEvents,
  aftersales: aftersalesEvents,
  notifications: notificationsEvents,
} as const satisfies Record<string, readonly EventDefinition[]>;

/** Every event the platform knows, by `type@version`. */
export const eventDefinitions: readonly EventDefinition[] = Object.values(eventsByProducer).flat();

const byKey = new Map(eventDefinitions.map((d) => [`${d.type}@${d.version}`, d]));

export function findEventDefinition(type: string, version: number): EventDefinition | undefined {
  return byKey.get(`${type}@${version}`);
}
