import { topics } from '@vitrine/contracts';
import { defineServiceIdentity } from '@vitrine/platform';

/** accounts on the bus and in PostgreSQL: its use cases stage events with `accounts.recordEvent`. */
export const accounts = defineServiceIdentity({ name: 'accounts', dbSchema: 'accounts', publishes: [topics.accountsCustomer, topics.accountsMail] });
