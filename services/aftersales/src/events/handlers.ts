import {
  exchangeUnitHeldV1,
  orderConfirmedV1,
  orderStatusChangedV1,
  productPublishedV1,
  productReleasedV1,
  productStatusChangedV1,
  readyToFulfilV1,
  shipmentDispatchedV1,
  storePolicyPublishedV1,
} from '@vitrine/contracts';
import { on } from '@vitrine/platform';
import {
  rememberDelivery,
  rememberOrder,
  rememberPolicy,
  rememberProduct,
  rememberProductStatus,
  rememberRelease,
  rememberShippingPaid,
} from '../use-cases/projections.js';
import { rememberExchangeUnit } from '../use-cases/exchange-unit.js';
import { closeOnReplacementDispatch } from '../use-cases/replacement-dispatched.js';

export const aftersalesHandlers = [
  on(storePolicyPublishedV1, (event, em) => rememberPolicy(em, event)),
  on(productPublishedV1, (event, em) => rememberProduct(em, event)),
  on(productStatusChangedV1, (event, em) => rememberProductStatus(em, event)),
  on(productReleasedV1, (event, em) => rememberRelease(em, event)),
  on(orderConfirmedV1, (event, em) => rememberOrder(em, event)),
  on(orderStatusChangedV1, (event, em) => rememberDelivery(em, event)),
  on(readyToFulfilV1, (event, em) => rememberShippingPaid(em, event)),
  // A replacement parcel leaving carries out its claim (parcels of orders are ignored).
  on(shipmentDispatchedV1, (event, em) => closeOnReplacementDispatch(em, event)),
  // catalog holds an exchange's new unit, or has none.
  on(exchangeUnitHeldV1, (event, em) => rememberExchangeUnit(em, event)),
];
