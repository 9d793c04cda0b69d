// Build step: writes this subgraph's SDL, which the gateway composes (and CI checks).
import 'reflect-metadata';
import { writeSubgraphSdl } from '@vitrine/platform';
import { aftersalesService } from './aftersales-service.js';

await writeSubgraphSdl(aftersalesService, new URL('../schema.graphql', import.meta.url));
