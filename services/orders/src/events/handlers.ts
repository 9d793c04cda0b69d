import {
  customerDeletedV1,
  customerFlaggedV1,
  customerUnflaggedV1,
  productPublishedV1,
  productStatusChangedV1,
  stockRejectedV1,
  stockReservedV1,
} from '@vitrine/contracts';
import { on } from '@vitrine/platform';
import { applyStockOutcome } from '../use-cases/apply-stock-outcome.js';
import { recordCustomerDeleted, recordCustomerFlag } from '../use-cases/customer-standing.js';
import { rememberProduct, rememberProductStatus } from '../use-cases/remember-product.js';

export const ordersHandlers = [
  on(productPublishedV1, (event, em) => rememberProduct(em, event)),
  on(productStatusChangedV1, (event, em) => rememberProductStatus(em, event)),
  on(stockReservedV1, (event, em) => applyStockOutcome(em, event.data.orderId, 'CONFIRMED')),
  on(stockRejectedV1, (event, em) => applyStockOutcome(em, event.data.orderId, 'REJECTED', event.data.reason)),
  on(customerFlaggedV1, (event, em) => recordCustomerFlag(em, event, true)),
  on(customerUnflaggedV1, (event, em) => recordCustomerFlag(em, event, false)),
  on(customerDeletedV1, (event, em) => recordCustomerDeleted(em, event)),
];
