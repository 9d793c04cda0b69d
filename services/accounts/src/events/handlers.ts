import { orderPlacedV1, orderStatusChangedV1, partnerRemovedV1 } from '@vitrine/contracts';
import { on } from '@vitrine/platform';
import { followOrderStatus, rememberPlacedOrder } from '../use-cases/known-orders.js';
import { revokeRemovedPartnerCredentials } from '../use-cases/removed-partner.js';

/**
 * What accounts consumes: orders' events, to know which customers have open
 * orders; notifications' partner removals, to revoke the partner's credentials.
 */
export const accountsHandlers = [
  on(orderPlacedV1, (event, em) => rememberPlacedOrder(em, event.data)),
  on(orderStatusChangedV1, (event, em) => followOrderStatus(em, event.data)),
  on(partnerRemovedV1, (event, em) => revokeRemovedPartnerCredentials(em, event.data)),
];
