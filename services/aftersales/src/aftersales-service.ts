import type { ServiceDefinition } from '@vitrine/platform';
import { aftersalesHandlers } from './events/handlers.js';
import { aftersales } from './identity.js';
import { extendContext, type AftersalesContext } from './schema/aftersales-context.js';
import { ClaimRuleResolver } from './schema/claim-rule.resolver.js';
import { ClaimStaffResolver } from './schema/claim-staff.resolver.js';
import { ClaimResolver } from './schema/claim.resolver.js';
import { EvidenceResolver } from './schema/evidence.resolver.js';
import { ClaimSendToResolver, ReturnSendToResolver } from './schema/return-destination.resolver.js';
import { ReturnResolver } from './schema/return.resolver.js';
import { configureEvidenceStore, fileUploadRoute, fileViewRoute, rememberListeningUrl } from './storage/configure-evidence-store.js';
import { fileUploadPath, fileViewPath } from './storage/file-evidence-store.js';
import { aftersalesEntities } from './store/entities.js';
import { aftersalesMigrations } from './store/migrations/index.js';

export const aftersalesService: ServiceDefinition<AftersalesContext> = {
  identity: aftersales,
  entities: aftersalesEntities,
  migrations: aftersalesMigrations,
  resolvers: [ClaimResolver, ClaimRuleResolver, ClaimStaffResolver, EvidenceResolver, ReturnResolver, ReturnSendToResolver, ClaimSendToResolver],
  extendContext,
  handlers: aftersalesHandlers,
  httpRoutes: { [fileUploadPath]: (req, res) => fileUploadRoute(req, res), [fileViewPath]: (req, res) => fileViewRoute(req, res) },
  onStart: async ({ env, environment }) => configureEvidenceStore(env, environment),
  onListening: async ({ url }) => {
    rememberListeningUrl(url);
    return async () => {};
  },
};
