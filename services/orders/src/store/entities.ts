import { KnownProductSchema } from './known-product.entity.js';
import { OrderLineSchema } from './order-line.entity.js';
import { OrderSchema } from './order.entity.js';

export const ordersEntities = [OrderSchema, OrderLineSchema, KnownProductSchema];
