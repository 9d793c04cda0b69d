import {
  claimReplacementRequestedV1,
  orderConfirmedV1,
  paymentSucceededV1,
  productArrivedV1,
  productPublishedV1,
  readyToFulfilV1,
  shippingAddressChangedV1,
  refundIssuedV1,
  stockReservedV1,
  storePolicyPublishedV1,
  warehouseCreatedV1,
} from '@vitrine/contracts';
import { on, onTimer } from '@vitrine/platform';
import { settleExtraInvoices } from '../use-cases/dispatch.js';
import { followAddressChange } from '../use-cases/follow-address-change.js';
import { handoverTimer, markLateIfUnpacked, openShipment } from '../use-cases/open-shipment.js';
import { openReplacement } from '../use-cases/open-replacement.js';
import {
  rememberArrival,
  rememberOrderTerms,
  rememberPayment,
  rememberPolicy,
  rememberProduct,
  rememberRefund,
  rememberReservation,
  rememberWarehouse,
} from '../use-cases/projections.js';
import { advanceSandboxParcel, sandboxCarrierTimer } from '../use-cases/sandbox-carrier.js';

// ReadyToFulfil comes after OrderConfirmed on orders' topic (one key per order, kept in order);
// catalog's reservation comes on its own topic and usually earlier (the order is confirmed from it).
export const logisticsHandlers = [
  on(productPublishedV1, (event, em) => rememberProduct(em, event)),
  on(warehouseCreatedV1, (event, em) => rememberWarehouse(em, event)),
  on(storePolicyPublishedV1, (event, em) => rememberPolicy(em, event)),
  on(orderConfirmedV1, (event, em) => rememberOrderTerms(em, event)),
  on(stockReservedV1, (event, em) => rememberReservation(em, event)),
  on(productArrivedV1, (event, em) => rememberArrival(em, event)),
  on(readyToFulfilV1, (event, em) => openShipment(em, event)),
  on(shippingAddressChangedV1, (event, em) => followAddressChange(em, event)),
  on(paymentSucceededV1, async (event, em) => {
    await rememberPayment(em, event);
    await settleExtraInvoices(em, event);
  }),
  on(refundIssuedV1, (event, em) => rememberRefund(em, event)),
  // After-sales: a claim's replacement part or exchange, shipped at the store's cost.
  on(claimReplacementRequestedV1, (event, em) => openReplacement(em, event)),
];

export const logisticsTimers = [
  onTimer(handoverTimer, (timer, em) => markLateIfUnpacked(em, timer.key)),
  onTimer(sandboxCarrierTimer, (timer, em) => advanceSandboxParcel(em, timer)),
];
