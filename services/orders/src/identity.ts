import { topics } from '@vitrine/contracts';
import { defineServiceIdentity, scopedAuthorization } from '@vitrine/platform';

/** orders on the bus and in PostgreSQL: its use cases stage events with `orders.recordEvent`. */
export const orders = defineServiceIdentity({
  name: 'orders',
  dbSchema: 'orders',
  publishes: [topics.ordersOrder, topics.ordersPolicy, topics.platformClock],
  scopes: ['orders:manage'],
});

/** `@Staff('orders:manage')` and the owner-or-staff rule: only the scopes orders declares type-check. */
export const { Staff, canAccessOwnedBy } = scopedAuthorization(orders);
