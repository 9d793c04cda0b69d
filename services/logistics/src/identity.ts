import { topics } from '@vitrine/contracts';
import { defineServiceIdentity, scopedAuthorization } from '@vitrine/platform';

/**
 * logistics on the bus and in PostgreSQL: its use cases stage events with `logistics.recordEvent`.
 * Scopes: `logistics:write` edits rate tables; `logistics:fulfil` works shipments (parcels, dispatch, tracking, the queue).
 */
export const logistics = defineServiceIdentity({
  name: 'logistics',
  dbSchema: 'logistics',
  publishes: [topics.logisticsRates, topics.logisticsShipment],
  scopes: ['logistics:write', 'logistics:fulfil'],
});

/** `@Staff(scope)` and the owner-or-staff rule: only the scopes logistics declares type-check. */
export const { Staff, canAccessOwnedBy } = scopedAuthorization(logistics);
