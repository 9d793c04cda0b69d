import { orderPlacedV1, orderStatusChangedV1, partnerRemovedV1 } from '@vitrine/contracts';
import { on, onSet, when } from '@vitrine/platform';
import { followOrders } from '../use-cases/known-orders.js';
import { revokeRemovedPartnerCredentials } from '../use-cases/removed-partner.js';

/**
 * What accounts consumes: orders' events, to know which customers have open
 * orders; notifications' partner removals, to revoke the partner's credentials.
 */
export const accountsHandlers = [
  // A batch of orders' events is applied as a set (one select for its orders).
  ...onSet(
    followOrders,
    when(orderPlacedV1, (event) => ({ orderId: event.data.orderId, placedBy: event.data.customerId ?? null })),
    when(orderStatusChangedV1, (event) => ({ orderId: event.data.orderId, to: event.data.to })),
  ),
  on(partnerRemovedV1, (event, em) => revokeRemovedPartnerCredentials(em, event.data)),
];
