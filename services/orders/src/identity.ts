import { topics } from '@vitrine/contracts';
import { defineServiceIdentity } from '@vitrine/platform';

/** orders on the bus and in PostgreSQL: its use cases stage events with `orders.recordEvent`. */
export const orders = defineServiceIdentity({ name: 'orders', dbSchema: 'orders', publishes: [topics.ordersOrder, topics.ordersPolicy, topics.platformClock] });
