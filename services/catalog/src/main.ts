import 'reflect-metadata';
import { runMain } from '@vitrine/platform';
import { catalogService } from './catalog-service.js';

await runMain(catalogService);
