import { defineServiceIdentity, scopedAuthorization } from '@vitrine/platform';

/**
 * logistics on the bus and in PostgreSQL: its use cases stage events with `logistics.recordEvent`.
 * Add its topics (from contracts) to `publishes`, and to `scopes` each scope its resolvers
 * require (`@Staff('logistics:manage')`); accounts must grant them (gateway/src/scopes.unit.spec.ts).
 */
export const logistics = defineServiceIdentity({ name: 'logistics', dbSchema: 'logistics', publishes: [], scopes: [] });

/** `@Staff(scope)`: only the scopes logistics declares type-check. */
export const { Staff } = scopedAuthorization(logistics);
