import { topics } from '@vitrine/contracts';
import { defineServiceIdentity } from '@vitrine/platform';

/** catalog on the bus and in PostgreSQL: its use cases stage events with `catalog.recordEvent`. */
export const catalog = defineServiceIdentity({ name: 'catalog', dbSchema: 'catalog', publishes: [topics.catalogProduct, topics.catalogStock] });
