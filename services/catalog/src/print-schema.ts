// Build step: writes this subgraph's SDL, which the gateway composes (and CI checks).
import 'reflect-metadata';
import { writeSubgraphSdl } from '@vitrine/platform';
import { catalogService } from './catalog-service.js';

await writeSubgraphSdl(catalogService, new URL('../schema.graphql', import.meta.url));
