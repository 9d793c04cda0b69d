import { topics } from '@vitrine/contracts';
import { defineServiceIdentity, scopedAuthorization } from '@vitrine/platform';

/**
 * aftersales on the bus and in PostgreSQL: its use cases stage events with
 * `aftersales.recordEvent`. Staff grade and decide claims with
 * `aftersales:decide` (accounts grants it).
 */
export const aftersales = defineServiceIdentity({
  name: 'aftersales',
  dbSchema: 'aftersales',
  publishes: [topics.aftersalesClaim],
  scopes: ['aftersales:decide'],
});

/** `@Staff('aftersales:decide')` and the owner-or-staff rule: only the scopes aftersales declares type-check. */
export const { Staff, canAccessOwnedBy } = scopedAuthorization(aftersales);
