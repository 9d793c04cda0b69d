import {
  cancellationOfferedV1,
  claimDecidedV1,
  claimEvidenceRequestedV1,
  claimOfferedV1,
  claimRefusedV1,
  claimResolvedV1,
  claimSubmittedV1,
  customerContactChangedV1,
  customerDeletedV1,
  emailChangeRequestedV1,
  emailVerificationRequestedV1,
  extraShippingWaivedV1,
  orderCancelledV1,
  orderConfirmedV1,
  orderExpiredV1,
  orderPlacedV1,
  orderStatusChangedV1,
  passwordChangedV1,
  passwordResetRequestedV1,
  paymentDueV1,
  paymentFailedV1,
  productArrivedV1,
  productPublishedV1,
  refundIssuedV1,
  releaseDateChangedV1,
  returnReceivedV1,
  returnRequestedV1,
  shipmentDispatchedV1,
  shipmentOpenedV1,
  shippingQuotedV1,
  signUpRepeatedV1,
  specChangedV1,
  eventDefinitions,
  isPublicEvent,
} from '@vitrine/contracts';
import { on, onSet, type EventHandler } from '@vitrine/platform';
import {
  cancellationOfferedNotice,
  orderCancelledNotice,
  orderConfirmedNotice,
  orderExpiredNotice,
  paymentDueNotice,
  paymentFailedNotice,
  refundIssuedNotice,
  statusChangeNotice,
} from '../domain/notices-from-events.js';
import { emailChangeNotice, emailVerificationNotice, passwordChangedNotice, passwordResetNotice, signUpRepeatedNotice } from '../domain/account-notices.js';
import {
  claimDecidedNotice,
  claimEvidenceRequestedNotice,
  claimOfferedNotice,
  claimRefusedNotice,
  claimResolvedNotice,
  claimSubmittedNotice,
  returnReceivedNotice,
  returnRequestedNotice,
} from '../domain/claim-notices.js';
import { extraShippingWaivedNotice, shipmentDispatchedNotice, shippingQuotedNotice } from '../domain/shipment-notices.js';
import { notifyProductChange } from '../use-cases/notify.js';
import { eraseCustomer, rememberContact } from '../use-cases/remember-contacts.js';
import { rememberOrder, rememberProductName, rememberShipment, rememberStatus } from '../use-cases/remember-orders.js';
import { telling, tellInBatches } from '../use-cases/tell-in-batches.js';
import { fanOutToPartners, forwardToPublicTopic } from '../use-cases/webhooks.js';

/**
 * What customers are told, and the orders and shipments they are about: a
 * burst of these (orders' events after a drop) is applied as a batch.
 */
const told = [
  // Whose order (orders), and which shipment carries it (logistics).
  telling(orderPlacedV1, async (event, { orders }) => {
    await rememberOrder(orders, event.data);
    return null;
  }),
  telling(orderConfirmedV1, async (event, { orders }) => {
    await rememberOrder(orders, event.data);
    return orderConfirmedNotice(event);
  }),
  // Follows the order's status and tells its customer the ones they hear about (shipped, unless a shipment's dispatch told it; delivered).
  telling(orderStatusChangedV1, async (event, { orders }) => statusChangeNotice(event, await rememberStatus(orders, event.data.orderId, event.data.to))),
  telling(paymentDueV1, paymentDueNotice),
  telling(orderCancelledV1, orderCancelledNotice),
  telling(orderExpiredV1, orderExpiredNotice),
  telling(cancellationOfferedV1, cancellationOfferedNotice),
  telling(paymentFailedV1, paymentFailedNotice),
  telling(refundIssuedV1, refundIssuedNotice),
  // Accounts' own mail (accounts.mail.v1), to the address each event names: links with a single-use token, and security notices.
  telling(passwordResetRequestedV1, passwordResetNotice),
  telling(emailVerificationRequestedV1, emailVerificationNotice),
  telling(emailChangeRequestedV1, emailChangeNotice),
  telling(passwordChangedV1, passwordChangedNotice),
  telling(signUpRepeatedV1, signUpRepeatedNotice),
  // Logistics: which orders a shipment carries (their SHIPPED status is then told by its dispatch), the final quote, staff waiving
  // its extra postage, the dispatch. Not consumed: the extra invoice (the quote's email says it) and the delivery (orders' DELIVERED
  // status tells it: ORDER_DELIVERED).
  telling(shipmentOpenedV1, async (event, { orders }) => {
    await rememberShipment(orders, event.data);
    return null;
  }),
  telling(shippingQuotedV1, shippingQuotedNotice),
  telling(extraShippingWaivedV1, extraShippingWaivedNotice),
  telling(shipmentDispatchedV1, async (event, { orders }) => {
    // A claim's replacement parcel is not the one carrying the order: the order keeps its shipment.
    if (event.data.kind !== 'REPLACEMENT') await rememberShipment(orders, event.data);
    return shipmentDispatchedNotice(event);
  }),
  // After-sales: a claim received; more evidence asked, refused, or offered resolutions to choose from; then resolved. A return accepted, then inspected.
  // ClaimDecided (v1, no longer published) is still told for the ones already on the topic.
  telling(claimSubmittedV1, claimSubmittedNotice),
  telling(claimEvidenceRequestedV1, claimEvidenceRequestedNotice),
  telling(claimRefusedV1, claimRefusedNotice),
  telling(claimOfferedV1, claimOfferedNotice),
  telling(claimResolvedV1, claimResolvedNotice),
  telling(returnRequestedV1, returnRequestedNotice),
  telling(returnReceivedV1, returnReceivedNotice),
  telling(claimDecidedV1, claimDecidedNotice),
];

/** Effects that read more than their orders (who has an open order of a product), or keep contacts: one event at a time. */
const alone: EventHandler[] = [
  // Who and where (accounts), what (catalog's names).
  on(customerContactChangedV1, (event, em) => rememberContact(em, event)),
  on(customerDeletedV1, (event, em) => eraseCustomer(em, event.data.customerId)),
  on(productPublishedV1, (event, em) => rememberProductName(em, event.data.productId, event.data.name)),
  // Everyone whose order of the product is still to ship.
  on(releaseDateChangedV1, (event, em) =>
    notifyProductChange(em, event, 'RELEASE_DATE_CHANGED', {
      oldEstimate: event.data.oldEstimate ?? '',
      newEstimate: event.data.newEstimate,
      reason: event.data.reason,
    }),
  ),
  on(specChangedV1, (event, em) =>
    notifyProductChange(em, event, 'SPEC_CHANGED', { changes: event.data.changes, description: event.data.description ?? '', reason: event.data.reason }),
  ),
  on(productArrivedV1, (event, em) => notifyProductChange(em, event, 'PRODUCT_ARRIVED', { arrivedAt: event.data.arrivedAt, quantity: event.data.quantity })),
].map((handler) => ({
  definition: handler.definition,
  async handle(event, em) {
    await handler.handle(event, em);
    await fanOutToPartners(em, [event]);
    forwardToPublicTopic(em, handler.definition, event);
  },
}));

// Public events nothing here emails about are still consumed: partners receive them (with the batch).
const forwardedOnly = eventDefinitions
  .filter((def) => isPublicEvent(def) && ![...told, ...alone].some((h) => h.definition.type === def.type && h.definition.version === def.version))
  .map((def) => telling(def, () => null));

/** Every event handled here also goes to the partners: to those subscribed to its webhook, and onto its public topic (public events only). */
export const notificationsHandlers: EventHandler[] = [...alone, ...onSet(tellInBatches, ...told, ...forwardedOnly)];
