import { defineServiceIdentity, scopedAuthorization } from '@vitrine/platform';

/**
 * notifications on the bus and in PostgreSQL: its use cases stage events with `notifications.recordEvent`.
 * Add its topics (from contracts) to `publishes`, and to `scopes` each scope its resolvers
 * require (`@Staff('notifications:manage')`); accounts must grant them (gateway/src/scopes.unit.spec.ts).
 */
export const notifications = defineServiceIdentity({ name: 'notifications', dbSchema: 'notifications', publishes: [], scopes: [] });

/** `@Staff(scope)`: only the scopes notifications declares type-check. */
export const { Staff } = scopedAuthorization(notifications);
