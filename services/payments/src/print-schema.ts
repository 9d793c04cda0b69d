// Build step: writes this subgraph's SDL, which the gateway composes (and CI checks).
import 'reflect-metadata';
import { writeSubgraphSdl } from '@vitrine/platform';
import { paymentsService } from './payments-service.js';

await writeSubgraphSdl(paymentsService, new URL('../schema.graphql', import.meta.url));
