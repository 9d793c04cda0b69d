import 'reflect-metadata';
import { runMain } from '@vitrine/platform';
import { ordersService } from './orders-service.js';

await runMain(ordersService);
