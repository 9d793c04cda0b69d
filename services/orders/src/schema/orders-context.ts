import type { BaseContext } from '@vitrine/platform';
import type DataLoader from 'dataloader';
import type { Order } from '../store/order.entity.js';

export interface OrdersContext extends BaseContext {
  /** Orders by id, with their lines, one query per request. */
  orderById: DataLoader<string, Order | null>;
}
