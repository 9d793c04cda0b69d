import 'reflect-metadata';

export { ordersService } from './orders-service.js';
