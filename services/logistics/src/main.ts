import 'reflect-metadata';
import { runMain } from '@vitrine/platform';
import { logisticsService } from './logistics-service.js';

await runMain(logisticsService);
