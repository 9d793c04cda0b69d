import { CustomerFlagSchema } from './customer-flag.entity.js';
import { DeletedCustomerSchema } from './deleted-customer.entity.js';
import { KnownProductSchema } from './known-product.entity.js';
import { OrderLineSchema } from './order-line.entity.js';
import { OrderSchema } from './order.entity.js';

export const ordersEntities = [OrderSchema, OrderLineSchema, KnownProductSchema, CustomerFlagSchema, DeletedCustomerSchema];
