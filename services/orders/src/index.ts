import 'reflect-metadata';

export { ordersService } from './orders-service.js';
export { orders } from './identity.js';
export { ordersService as service } from './orders-service.js';
