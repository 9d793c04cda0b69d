// Build step: writes this subgraph's SDL, which the gateway composes (and CI checks).
import 'reflect-metadata';
import { writeSubgraphSdl } from '@vitrine/platform';
import { ordersService } from './orders-service.js';

await writeSubgraphSdl(ordersService, new URL('../schema.graphql', import.meta.url));
