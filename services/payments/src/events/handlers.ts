import {
  claimDecidedV1,
  claimResolvedV1,
  extraShippingInvoicedV1,
  extraShippingWaivedV1,
  orderCancelledV1,
  orderExpiredV1,
  orderStatusChangedV1,
  paymentDueV1,
  returnReceivedV1,
  shippingQuotedV1,
} from '@vitrine/contracts';
import { on, onSet, when } from '@vitrine/platform';
import { onClaimDecided, onClaimResolved, onReturnReceived } from '../use-cases/aftersales-events.js';
import { onExtraShippingInvoiced, onExtraShippingWaived, onShippingQuoted } from '../use-cases/logistics-events.js';
import { takeOrderMoneyEvents } from '../use-cases/order-event-set.js';

/** What payments consumes, each in its inbox transaction: orders' dues and endings (orders.order.v1), logistics' final shipping costs (logistics.shipment.v1), after-sales' claim and return refunds (aftersales.claim.v1). */
export const paymentsHandlers = [
  // orders' events as one set: a drop's backlog of dues and status moves costs a few statements per batch.
  ...onSet(
    takeOrderMoneyEvents,
    when(paymentDueV1, (event) => ({ kind: 'due' as const, event })),
    when(orderStatusChangedV1, (event) => ({ kind: 'status' as const, event })),
    when(orderCancelledV1, (event) => ({ kind: 'cancelled' as const, event })),
    when(orderExpiredV1, (event) => ({ kind: 'expired' as const, event })),
  ),
  on(shippingQuotedV1, (event, em) => onShippingQuoted(em, event)),
  on(extraShippingInvoicedV1, (event, em) => onExtraShippingInvoiced(em, event)),
  on(extraShippingWaivedV1, (event, em) => onExtraShippingWaived(em, event)),
  on(claimDecidedV1, (event, em) => onClaimDecided(em, event)),
  on(claimResolvedV1, (event, em) => onClaimResolved(em, event)),
  on(returnReceivedV1, (event, em) => onReturnReceived(em, event)),
];
