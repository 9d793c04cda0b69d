import { orderPlacedV1, orderStatusChangedV1 } from '@vitrine/contracts';
import { on } from '@vitrine/platform';
import { followOrderStatus, rememberPlacedOrder } from '../use-cases/known-orders.js';

/** What accounts consumes: orders' events, to know which customers have open orders. */
export const accountsHandlers = [
  on(orderPlacedV1, (event, em) => rememberPlacedOrder(em, event.data)),
  on(orderStatusChangedV1, (event, em) => followOrderStatus(em, event.data)),
];
