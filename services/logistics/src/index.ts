import 'reflect-metadata';

export { logisticsService, logisticsService as service } from './logistics-service.js';
export { logistics } from './identity.js';
