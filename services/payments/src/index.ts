import 'reflect-metadata';

export { paymentsService, paymentsService as service } from './payments-service.js';
export { payments } from './identity.js';
