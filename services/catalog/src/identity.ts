import { topics } from '@vitrine/contracts';
import { defineServiceIdentity, scopedAuthorization } from '@vitrine/platform';

/** catalog on the bus and in PostgreSQL: its use cases stage events with `catalog.recordEvent`. */
export const catalog = defineServiceIdentity({
  name: 'catalog',
  dbSchema: 'catalog',
  publishes: [topics.catalogProduct, topics.catalogStock],
  scopes: ['catalog:write'],
});

/** `@Staff('catalog:write')`: only the scopes catalog declares type-check. */
export const { Staff } = scopedAuthorization(catalog);
