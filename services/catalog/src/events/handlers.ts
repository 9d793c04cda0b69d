import { claimReplacementRequestedV1, orderPlacedV1, orderStatusChangedV1, shipmentDispatchedV1 } from '@vitrine/contracts';
import { on, onSet, when } from '@vitrine/platform';
import { holdExchangeUnit, shipExchangeUnit } from '../use-cases/exchange-units.js';
import { reserveStockForOrders } from '../use-cases/reserve-stock-for-orders.js';

// OrderPlaced and OrderStatusChanged share the orders topic, keyed by order id:
// one order's events arrive in order, so a cancellation is seen after its reservation.
// One set, so that a backlog of orders is reserved a batch at a time.
export const catalogHandlers = [
  ...onSet(
    reserveStockForOrders,
    when(orderPlacedV1, (event) => ({ kind: 'placed' as const, event })),
    when(orderStatusChangedV1, (event) => ({ kind: 'status' as const, event })),
  ),
  // An exchange's new unit: held when the customer chooses it, taken out when its replacement parcel leaves.
  on(claimReplacementRequestedV1, (event, em) => holdExchangeUnit(em, event)),
  on(shipmentDispatchedV1, (event, em) => shipExchangeUnit(em, event)),
];
