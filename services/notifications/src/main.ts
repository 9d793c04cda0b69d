import 'reflect-metadata';
import { runMain } from '@vitrine/platform';
import { notificationsService } from './notifications-service.js';

await runMain(notificationsService);
