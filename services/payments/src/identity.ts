import { topics } from '@vitrine/contracts';
import { defineServiceIdentity, scopedAuthorization } from '@vitrine/platform';

/** payments on the bus and in PostgreSQL: its use cases stage events with `payments.recordEvent`. */
export const payments = defineServiceIdentity({
  name: 'payments',
  dbSchema: 'payments',
  publishes: [topics.paymentsPayment, topics.paymentsMethod],
  scopes: ['payments:write'],
});

/** `@Staff('payments:write')`: only the scopes payments declares type-check. */
export const { Staff } = scopedAuthorization(payments);
