import type { ServiceDefinition } from '@vitrine/platform';
import { notifications } from './identity.js';
import { notificationsEntities } from './store/entities.js';
import { notificationsMigrations } from './store/migrations/index.js';

export const notificationsService: ServiceDefinition = {
  identity: notifications,
  entities: notificationsEntities,
  migrations: notificationsMigrations,
  resolvers: [],
};
