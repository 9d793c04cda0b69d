// Build step: writes this subgraph's SDL, which the gateway composes (and CI checks).
import 'reflect-metadata';
import { writeSubgraphSdl } from '@vitrine/platform';
import { notificationsService } from './notifications-service.js';

await writeSubgraphSdl(notificationsService, new URL('../schema.graphql', import.meta.url));
