import 'reflect-metadata';
import { runMain } from '@vitrine/platform';
import { accountsService } from './accounts-service.js';

await runMain(accountsService);
