import 'reflect-metadata';

export { notificationsService, notificationsService as service } from './notifications-service.js';
export { notifications } from './identity.js';
