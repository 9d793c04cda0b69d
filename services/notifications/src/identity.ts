import { defineServiceIdentity, scopedAuthorization } from '@vitrine/platform';

/**
 * notifications on the bus and in PostgreSQL. `notifications:write`: staff
 * preview templates, read the delivery log and send failed messages again
 * (accounts grants it: services/accounts/src/domain/roles.ts).
 */
export const notifications = defineServiceIdentity({ name: 'notifications', dbSchema: 'notifications', publishes: [], scopes: ['notifications:write'] });

/** `@Staff('notifications:write')`: only the scopes notifications declares type-check. */
export const { Staff } = scopedAuthorization(notifications);
