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
import { on, type EventHandler } from '@vitrine/platform';
import {
  cancellationOfferedNotice,
  orderCancelledNotice,
  orderConfirmedNotice,
  orderExpiredNotice,
  paymentDueNotice,
  paymentFailedNotice,
  refundIssuedNotice,
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
import { shipmentDispatchedNotice, shippingQuotedNotice } from '../domain/shipment-notices.js';
import { notify, notifyProductChange, notifyStatusChange } from '../use-cases/notify.js';
import { eraseCustomer, rememberContact } from '../use-cases/remember-contacts.js';
import { rememberOrder, rememberProductName, rememberShipment } from '../use-cases/remember-orders.js';
import { fanOutToPartners, forwardToPublicTopic } from '../use-cases/webhooks.js';

const handlers: EventHandler[] = [
  // Who and where (accounts), what (catalog's names), whose order (orders).
  on(customerContactChangedV1, (event, em) => rememberContact(em, event)),
  on(customerDeletedV1, (event, em) => eraseCustomer(em, event.data.customerId)),
  on(productPublishedV1, (event, em) => rememberProductName(em, event.data.productId, event.data.name)),
  on(orderPlacedV1, (event, em) => rememberOrder(em, event.data)),
  // Accounts' own mail (accounts.mail.v1), to the address each event names: links with a single-use token, and security notices.
  on(passwordResetRequestedV1, (event, em) => notify(em, event, passwordResetNotice(event))),
  on(emailVerificationRequestedV1, (event, em) => notify(em, event, emailVerificationNotice(event))),
  on(emailChangeRequestedV1, (event, em) => notify(em, event, emailChangeNotice(event))),
  on(passwordChangedV1, (event, em) => notify(em, event, passwordChangedNotice(event))),
  on(signUpRepeatedV1, (event, em) => notify(em, event, signUpRepeatedNotice(event))),
  // What customers are told.
  on(orderConfirmedV1, async (event, em) => {
    await rememberOrder(em, event.data);
    await notify(em, event, orderConfirmedNotice(event));
  }),
  on(orderStatusChangedV1, (event, em) => notifyStatusChange(em, event)),
  on(paymentDueV1, (event, em) => notify(em, event, paymentDueNotice(event))),
  on(orderCancelledV1, (event, em) => notify(em, event, orderCancelledNotice(event))),
  on(orderExpiredV1, (event, em) => notify(em, event, orderExpiredNotice(event))),
  on(cancellationOfferedV1, (event, em) => notify(em, event, cancellationOfferedNotice(event))),
  on(paymentFailedV1, (event, em) => notify(em, event, paymentFailedNotice(event))),
  on(refundIssuedV1, (event, em) => notify(em, event, refundIssuedNotice(event))),
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
  // Logistics: which orders a shipment carries (their SHIPPED status is then told by its dispatch), the final quote, the dispatch.
  // Not consumed: the extra invoice (the quote's email says it) and the delivery (orders' DELIVERED status tells it: ORDER_DELIVERED).
  on(shipmentOpenedV1, (event, em) => rememberShipment(em, event.data)),
  on(shippingQuotedV1, (event, em) => notify(em, event, shippingQuotedNotice(event))),
  on(shipmentDispatchedV1, async (event, em) => {
    // A claim's replacement parcel is not the one carrying the order: the order keeps its shipment.
    if (event.data.kind !== 'REPLACEMENT') await rememberShipment(em, event.data);
    await notify(em, event, shipmentDispatchedNotice(event));
  }),
  // After-sales: a claim received; more evidence asked, refused, or offered resolutions to choose from; then resolved. A return accepted, then inspected.
  // ClaimDecided (v1, no longer published) is still told for the ones already on the topic.
  on(claimSubmittedV1, (event, em) => notify(em, event, claimSubmittedNotice(event))),
  on(claimEvidenceRequestedV1, (event, em) => notify(em, event, claimEvidenceRequestedNotice(event))),
  on(claimRefusedV1, (event, em) => notify(em, event, claimRefusedNotice(event))),
  on(claimOfferedV1, (event, em) => notify(em, event, claimOfferedNotice(event))),
  on(claimResolvedV1, (event, em) => notify(em, event, claimResolvedNotice(event))),
  on(returnRequestedV1, (event, em) => notify(em, event, returnRequestedNotice(event))),
  on(returnReceivedV1, (event, em) => notify(em, event, returnReceivedNotice(event))),
  on(claimDecidedV1, (event, em) => notify(em, event, claimDecidedNotice(event))),
];

// Public events nothing here emails about are still consumed: partners receive them.
const forwardedOnly: EventHandler[] = eventDefinitions
  .filter((def) => isPublicEvent(def) && !handlers.some((h) => h.definition.type === def.type && h.definition.version === def.version))
  .map((def) => on(def, async () => undefined));

/** Every event handled here also goes to the partners: to those subscribed to its webhook, and onto its public topic (public events only). */
export const notificationsHandlers: EventHandler[] = [...handlers, ...forwardedOnly].map((handler) => ({
  definition: handler.definition,
  async handle(event, em) {
    await handler.handle(event, em);
    await fanOutToPartners(em, event);
    forwardToPublicTopic(em, handler.definition, event);
  },
}));
