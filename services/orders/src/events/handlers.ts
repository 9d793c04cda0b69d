import {
  customerDeletedV1,
  customerFlaggedV1,
  customerUnflaggedV1,
  paymentAuthorizedV1,
  paymentFailedV1,
  paymentMethodRemovedV1,
  paymentMethodSavedV1,
  parcelPackedV1,
  paymentSucceededV1,
  preorderOpenedV1,
  preorderTermsChangedV1,
  productArrivedV1,
  productPublishedV1,
  productReleasedV1,
  productStatusChangedV1,
  releaseDateChangedV1,
  shipmentDeliveredV1,
  shipmentDispatchedV1,
  shipmentReturnedToSenderV1,
  shippingRatesPublishedV1,
  specChangedV1,
  stockRejectedV1,
  stockReservedV1,
} from '@vitrine/contracts';
import { on, onSet, when } from '@vitrine/platform';
import { applyStockOutcomes } from '../use-cases/apply-stock-outcome.js';
import { noticeArrivals } from '../use-cases/arrival-notices.js';
import { offerCancellation } from '../use-cases/change-rights.js';
import { recordCustomerDeleted, recordCustomerFlag } from '../use-cases/customer-standing.js';
import { releaseBalances } from '../use-cases/release-balances.js';
import { rememberCampaign } from '../use-cases/remember-campaign.js';
import { forgetPaymentMethod, rememberPaymentMethod } from '../use-cases/remember-payment-methods.js';
import { rememberProduct, rememberProductStatus } from '../use-cases/remember-product.js';
import { rememberRateCard } from '../use-cases/remember-rates.js';
import { heldSettlement, paidSettlement, recordPaymentFailure, settlePayments } from '../use-cases/settle-payments.js';
import { recordDelivered, recordDispatched, recordParcelPacked, recordReturnedToSender } from '../use-cases/shipment-progress.js';

export const ordersHandlers = [
  on(productPublishedV1, (event, em) => rememberProduct(em, event)),
  on(productStatusChangedV1, (event, em) => rememberProductStatus(em, event)),
  on(preorderOpenedV1, (event, em) => rememberCampaign(em, event)),
  on(preorderTermsChangedV1, (event, em) => rememberCampaign(em, event)),
  on(productReleasedV1, (event, em) => releaseBalances(em, event)),
  on(productArrivedV1, (event, em) => noticeArrivals(em, event)),
  on(specChangedV1, (event, em) => offerCancellation(em, event, 'SPEC_CHANGE')),
  on(releaseDateChangedV1, (event, em) => offerCancellation(em, event, 'RELEASE_DATE_CHANGE')),
  // A backlog of catalog's answers is applied as a set (one select for a batch's orders).
  ...onSet(
    applyStockOutcomes,
    when(stockReservedV1, (event) => ({ orderId: event.data.orderId, held: true as const })),
    when(stockRejectedV1, (event) => ({ orderId: event.data.orderId, held: false as const, reason: event.data.reason })),
  ),
  // So are payments' settlements (one select locks a batch's orders).
  ...onSet(settlePayments, when(paymentSucceededV1, paidSettlement), when(paymentAuthorizedV1, heldSettlement)),
  on(paymentFailedV1, (event, em) => recordPaymentFailure(em, event)),
  on(paymentMethodSavedV1, (event, em) => rememberPaymentMethod(em, event)),
  on(paymentMethodRemovedV1, (event, em) => forgetPaymentMethod(em, event)),
  on(shippingRatesPublishedV1, (event, em) => rememberRateCard(em, event)),
  on(customerFlaggedV1, (event, em) => recordCustomerFlag(em, event, true)),
  on(customerUnflaggedV1, (event, em) => recordCustomerFlag(em, event, false)),
  on(customerDeletedV1, (event, em) => recordCustomerDeleted(em, event)),
  // The parcel's journey at logistics moves the orders it carries.
  on(parcelPackedV1, (event, em) => recordParcelPacked(em, event)),
  on(shipmentDispatchedV1, (event, em) => recordDispatched(em, event)),
  on(shipmentDeliveredV1, (event, em) => recordDelivered(em, event)),
  on(shipmentReturnedToSenderV1, (event, em) => recordReturnedToSender(em, event)),
];
