import type { BaseContext } from '@vitrine/platform';
import type DataLoader from 'dataloader';
import type { OrderRead } from '../use-cases/read-orders.js';

export interface OrdersContext extends BaseContext {
  /** Orders by id, with their lines and dues, one query per request. */
  orderById: DataLoader<string, OrderRead | null>;
}
