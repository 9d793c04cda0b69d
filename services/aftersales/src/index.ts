import 'reflect-metadata';

export { aftersalesService, aftersalesService as service } from './aftersales-service.js';
export { aftersales } from './identity.js';
