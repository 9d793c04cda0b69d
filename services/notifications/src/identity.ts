import { publicTopics, topics } from '@vitrine/contracts';
import { defineServiceIdentity, scopedAuthorization } from '@vitrine/platform';

/**
 * notifications on the bus and in PostgreSQL. It publishes partners' public
 * topics (the public events, forwarded as they were) and its partners' own
 * lifecycle (`notifications.partner.v1`: a removal, for accounts to revoke
 * the partner's credentials). `notifications:write`: staff
 * preview templates, read the delivery log and send failed messages again
 * (accounts grants it: services/accounts/src/domain/roles.ts).
 */
export const notifications = defineServiceIdentity({
  name: 'notifications',
  dbSchema: 'notifications',
  publishes: [...Object.values(publicTopics), topics.notificationsPartner],
  scopes: ['notifications:write'],
});

/** `@Staff('notifications:write')`: only the scopes notifications declares type-check. */
export const { Staff } = scopedAuthorization(notifications);
