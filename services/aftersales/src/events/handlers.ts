import {
  exchangeUnitHeldV1,
  orderConfirmedV1,
  orderStatusChangedV1,
  productPublishedV1,
  productReleasedV1,
  productStatusChangedV1,
  readyToFulfilV1,
  shipmentDispatchedV1,
  shipmentOpenedV1,
  storePolicyPublishedV1,
  warehouseCreatedV1,
  warehouseUpdatedV1,
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
import { rememberParcel, rememberWarehouse } from '../use-cases/return-warehouses.js';

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
  // Where a returned item goes: the warehouse the order's parcel left from, at its return address.
  on(warehouseCreatedV1, (event, em) => rememberWarehouse(em, event)),
  on(warehouseUpdatedV1, (event, em) => rememberWarehouse(em, event)),
  on(shipmentOpenedV1, (event, em) => rememberParcel(em, event)),
];
