import type { ServiceDefinition } from '@vitrine/platform';
import { aftersalesHandlers } from './events/handlers.js';
import { aftersales } from './identity.js';
import { extendContext, type AftersalesContext } from './schema/aftersales-context.js';
import { ClaimResolver } from './schema/claim.resolver.js';
import { configureEvidenceStore, fileUploadRoute } from './storage/configure-evidence-store.js';
import { fileUploadPath } from './storage/file-evidence-store.js';
import { aftersalesEntities } from './store/entities.js';
import { aftersalesMigrations } from './store/migrations/index.js';

export const aftersalesService: ServiceDefinition<AftersalesContext> = {
  identity: aftersales,
  entities: aftersalesEntities,
  migrations: aftersalesMigrations,
  resolvers: [ClaimResolver],
  extendContext,
  handlers: aftersalesHandlers,
  httpRoutes: { [fileUploadPath]: (req, res) => fileUploadRoute(req, res) },
  onStart: async ({ env, environment }) => configureEvidenceStore(env, environment),
};
