import 'reflect-metadata';
import { runMain } from '@vitrine/platform';
import { aftersalesService } from './aftersales-service.js';

await runMain(aftersalesService);
