// Build step: writes this subgraph's SDL, which the gateway composes (and CI checks).
import 'reflect-metadata';
import { writeSubgraphSdl } from '@vitrine/platform';
import { logisticsService } from './logistics-service.js';

await writeSubgraphSdl(logisticsService, new URL('../schema.graphql', import.meta.url));
