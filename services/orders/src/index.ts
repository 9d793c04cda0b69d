import 'reflect-metadata';

export { ordersService } from './orders-service.js';
export { Order } from './store/order.entity.js';
export { KnownProduct } from './store/known-product.entity.js';
