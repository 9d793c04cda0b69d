import { orderCancelledV1, orderExpiredV1, orderStatusChangedV1, paymentDueV1 } from '@vitrine/contracts';
import { on } from '@vitrine/platform';
import { onOrderCancelled, onOrderExpired, onOrderStatusChanged, recordDue } from '../use-cases/order-events.js';

/** What payments consumes from orders (topic orders.order.v1), each in its inbox transaction. */
export const paymentsHandlers = [
  on(paymentDueV1, (event, em) => recordDue(em, event)),
  on(orderCancelledV1, (event, em) => onOrderCancelled(em, event)),
  on(orderExpiredV1, (event, em) => onOrderExpired(em, event)),
  on(orderStatusChangedV1, (event, em) => onOrderStatusChanged(em, event)),
];
