import 'reflect-metadata';

export { ordersService } from './orders-service.js';
export { orders } from './identity.js';
