import 'reflect-metadata';
import { runMain } from '@vitrine/platform';
import { paymentsService } from './payments-service.js';

await runMain(paymentsService);
