// Build step: writes this subgraph's SDL, which the gateway composes (and CI checks).
import 'reflect-metadata';
import { writeSubgraphSdl } from '@vitrine/platform';
import { accountsService } from './accounts-service.js';

await writeSubgraphSdl(accountsService, new URL('../schema.graphql', import.meta.url));
