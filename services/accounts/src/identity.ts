import { topics } from '@vitrine/contracts';
import { defineServiceIdentity, scopedAuthorization } from '@vitrine/platform';

/** accounts on the bus and in PostgreSQL: its use cases stage events with `accounts.recordEvent`. */
export const accounts = defineServiceIdentity({
  name: 'accounts',
  dbSchema: 'accounts',
  publishes: [topics.accountsCustomer, topics.accountsMail],
  scopes: ['customers:read', 'customers:flag', 'staff:grant', 'keys:rotate', 'partners:write'],
});

/** `@Staff('keys:rotate')`: only the scopes accounts declares type-check. */
export const { Staff } = scopedAuthorization(accounts);
