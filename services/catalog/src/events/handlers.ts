import { claimReplacementRequestedV1, orderPlacedV1, orderStatusChangedV1, shipmentDispatchedV1 } from '@vitrine/contracts';
import { on } from '@vitrine/platform';
import { holdExchangeUnit, shipExchangeUnit } from '../use-cases/exchange-units.js';
import { reserveStockForOrder } from '../use-cases/reserve-stock.js';
import { settleReservationOnStatus } from '../use-cases/settle-reservation.js';

// OrderPlaced and OrderStatusChanged share the orders topic, keyed by order id:
// one order's events arrive in order, so a cancellation is seen after its reservation.
export const catalogHandlers = [
  on(orderPlacedV1, (event, em) => reserveStockForOrder(em, event)),
  on(orderStatusChangedV1, (event, em) => settleReservationOnStatus(em, event)),
  // An exchange's new unit: held when the customer chooses it, taken out when its replacement parcel leaves.
  on(claimReplacementRequestedV1, (event, em) => holdExchangeUnit(em, event)),
  on(shipmentDispatchedV1, (event, em) => shipExchangeUnit(em, event)),
];
