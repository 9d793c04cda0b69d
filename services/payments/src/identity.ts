import { defineServiceIdentity } from '@vitrine/platform';

/** payments on the bus and in PostgreSQL: its use cases stage events with `payments.recordEvent`. Add its topics (from contracts) to `publishes`. */
export const payments = defineServiceIdentity({ name: 'payments', dbSchema: 'payments', publishes: [] });
