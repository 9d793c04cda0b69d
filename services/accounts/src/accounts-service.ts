import { topics } from '@vitrine/contracts';
import { accessToken, type ServiceDefinition } from '@vitrine/platform';
import { attachRuntime, runtimeOf } from './config/accounts-runtime.js';
import { loadAccountsSettings } from './config/accounts-env.js';
import { jwksRoute } from './http/jwks.route.js';
import type { AccountsContext } from './schema/accounts-context.js';
import { AdminResolver } from './schema/admin.resolver.js';
import { createCustomerLoader } from './schema/customer-loader.js';
import { resolveCustomerReference } from './schema/customer.reference.js';
import { CustomerResolver } from './schema/customer.resolver.js';
import { SessionResolver } from './schema/session.resolver.js';
import { createDummyHash } from './security/password-hasher.js';
import { accountsEntities } from './store/entities.js';
import { accountsMigrations } from './store/migrations/index.js';
import { bootstrapAdmin } from './use-cases/bootstrap-admin.js';
import { ensureActiveSigningKey } from './use-cases/signing-keys.js';

export const accountsService: ServiceDefinition<AccountsContext> = {
  name: 'accounts',
  dbSchema: 'accounts',
  entities: accountsEntities,
  migrations: accountsMigrations,
  resolvers: [SessionResolver, CustomerResolver, AdminResolver],
  referenceResolvers: { Customer: { __resolveReference: resolveCustomerReference } },
  publishes: [topics.accountsCustomer],
  httpRoutes: { [accessToken.jwksPath]: jwksRoute },
  extendContext: (base) => ({ ...base, accounts: runtimeOf(base.em), customerById: createCustomerLoader(base.em) }),
  onStart: async ({ orm, environment, logger }) => {
    const settings = loadAccountsSettings(environment);
    attachRuntime(orm, { settings, dummyHash: await createDummyHash() });
    const key = await ensureActiveSigningKey(orm.em.fork());
    const admin = await bootstrapAdmin(orm.em.fork(), settings);
    logger.info({ kid: key.kid, bootstrapAdmin: admin, issuer: settings.ACCOUNTS_ISSUER }, 'accounts ready to issue tokens');
  },
};
