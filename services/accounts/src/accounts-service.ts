import { accessToken, type ServiceDefinition } from '@vitrine/platform';
import { accounts } from './identity.js';
import { attachRuntime, runtimeOf } from './config/accounts-runtime.js';
import { loadAccountsSettings } from './config/accounts-env.js';
import { accountsHandlers } from './events/handlers.js';
import { jwksRoute } from './http/jwks.route.js';
import type { AccountsContext } from './schema/accounts-context.js';
import { AccountFlowsResolver } from './schema/account-flows.resolver.js';
import { AdminResolver } from './schema/admin.resolver.js';
import { PartnerCredentialsResolver } from './schema/partner-credentials.resolver.js';
import { createCustomerLoader } from './schema/customer-loader.js';
import { createCustomerFlagsLoader } from './schema/customer-flags-loader.js';
import { CustomerSearchResolver } from './schema/customer-search.resolver.js';
import { CustomerFlagsResolver } from './schema/customer-flags.resolver.js';
import { resolveCustomerReference } from './schema/customer.reference.js';
import { CustomerResolver } from './schema/customer.resolver.js';
import { ExternalIdentityResolver } from './schema/external-identity.resolver.js';
import { MyAccountResolver } from './schema/my-account.resolver.js';
import { SessionResolver } from './schema/session.resolver.js';
import { SignInMethodsResolver } from './schema/sign-in-methods.resolver.js';
import { createIdTokenVerifier } from './security/id-token-verifier.js';
import { createDummyHash } from './security/password-hasher.js';
import { accountsEntities } from './store/entities.js';
import { accountsMigrations } from './store/migrations/index.js';
import { bootstrapAdmin } from './use-cases/bootstrap-admin.js';
import { ensureSigningKey } from './use-cases/signing-keys.js';
import { purgeAccountsRows } from './use-cases/housekeeping.js';
import { passwordResetTimers } from './use-cases/password-reset.js';

export const accountsService: ServiceDefinition<AccountsContext> = {
  identity: accounts,
  entities: accountsEntities,
  migrations: accountsMigrations,
  resolvers: [
    SessionResolver,
    CustomerResolver,
    AdminResolver,
    PartnerCredentialsResolver,
    CustomerFlagsResolver,
    CustomerSearchResolver,
    MyAccountResolver,
    ExternalIdentityResolver,
    AccountFlowsResolver,
    SignInMethodsResolver,
  ],
  referenceResolvers: { Customer: { __resolveReference: resolveCustomerReference } },
  handlers: accountsHandlers,
  timers: passwordResetTimers,
  httpRoutes: { [accessToken.jwksPath]: jwksRoute },
  extendContext: (base) => ({
    ...base,
    accounts: runtimeOf(base.em),
    customerById: createCustomerLoader(base.em),
    customerFlags: createCustomerFlagsLoader(base.em),
  }),
  housekeeping: (em) => purgeAccountsRows(em),
  onStart: async ({ orm, environment, logger }) => {
    const settings = loadAccountsSettings(environment);
    const externalProviders = new Map(settings.OIDC_PROVIDERS.map((p) => [p.name, createIdTokenVerifier(p, logger)] as const));
    attachRuntime(orm, { settings, dummyHash: await createDummyHash(), externalProviders });
    const key = await ensureSigningKey(orm.em.fork());
    const admin = await bootstrapAdmin(orm.em.fork(), settings);
    logger.info(
      { kid: key.kid, bootstrapAdmin: admin, issuer: settings.ACCOUNTS_ISSUER, externalProviders: [...externalProviders.keys()] },
      'accounts ready to issue tokens',
    );
  },
};
