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
import { on } from '@vitrine/platform';
import { onClaimDecided, onClaimResolved, onReturnReceived } from '../use-cases/aftersales-events.js';
import { onExtraShippingInvoiced, onExtraShippingWaived, onShippingQuoted } from '../use-cases/logistics-events.js';
import { onOrderCancelled, onOrderExpired, onOrderStatusChanged, recordDue } from '../use-cases/order-events.js';

/** What payments consumes, each in its inbox transaction: orders' dues and endings (orders.order.v1), logistics' final shipping costs (logistics.shipment.v1), after-sales' claim and return refunds (aftersales.claim.v1). */
export const paymentsHandlers = [
  on(paymentDueV1, (event, em) => recordDue(em, event)),
  on(orderCancelledV1, (event, em) => onOrderCancelled(em, event)),
  on(orderExpiredV1, (event, em) => onOrderExpired(em, event)),
  on(orderStatusChangedV1, (event, em) => onOrderStatusChanged(em, event)),
  on(shippingQuotedV1, (event, em) => onShippingQuoted(em, event)),
  on(extraShippingInvoicedV1, (event, em) => onExtraShippingInvoiced(em, event)),
  on(extraShippingWaivedV1, (event, em) => onExtraShippingWaived(em, event)),
  on(claimDecidedV1, (event, em) => onClaimDecided(em, event)),
  on(claimResolvedV1, (event, em) => onClaimResolved(em, event)),
  on(returnReceivedV1, (event, em) => onReturnReceived(em, event)),
];
