import { customerRegionChangedV1, customerRegisteredV1, orderPlacedV1 } from '@vitrine/contracts';
import { recordCustomerRegion } from '../use-cases/customer-region.js';
import { on } from '@vitrine/platform';
import { reserveStockForOrder } from '../use-cases/reserve-stock.js';

export const catalogHandlers = [
  on(orderPlacedV1, (event, em) => reserveStockForOrder(em, event)),
  on(customerRegisteredV1, (event, em) => recordCustomerRegion(em, event.data.customerId, event.data.country, event.time)),
  on(customerRegionChangedV1, (event, em) => recordCustomerRegion(em, event.data.customerId, event.data.to, event.time)),
];
