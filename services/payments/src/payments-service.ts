import { openWorkerDatabase, type ServiceDefinition } from '@vitrine/platform';
import { attachRuntime, runtimeOf, type PaymentsRuntime } from './config/payments-runtime.js';
import { loadPaymentsSettings } from './config/payments-env.js';
import { paymentsHandlers } from './events/handlers.js';
import { payConfirmRoute, payPageRoute } from './http/pay-page.route.js';
import { sandboxWebhookRoute, stripeWebhookRoute } from './http/webhook.routes.js';
import { payments } from './identity.js';
import { SandboxProvider } from './providers/sandbox/sandbox-provider.js';
import { writeSandboxFaults } from './providers/sandbox/sandbox-faults.js';
import { startSandboxWebhooks } from './providers/sandbox/sandbox-webhooks.js';
import { OrderMoneyResolver } from './schema/order-money.resolver.js';
import { createIntentsByOrderLoader, createOrderMoneyLoader, createRefundsByOrderLoader } from './schema/order-money-loader.js';
import { resolveOrderReference } from './schema/order.reference.js';
import { OrderType } from './schema/order.type.js';
import type { PaymentsContext } from './schema/payments-context.js';
import { PaymentMethodResolver } from './schema/payment-method.resolver.js';
import { PayLinkResolver } from './schema/pay-link.resolver.js';
import { PaymentResolver } from './schema/payment.resolver.js';
import { RefundResolver } from './schema/refund.resolver.js';
import { SandboxResolver } from './schema/sandbox.resolver.js';
import { paymentsEntities } from './store/entities.js';
import { paymentsMigrations } from './store/migrations/index.js';
import { purgePaymentsRows } from './use-cases/housekeeping.js';
import { paymentsTimers } from './use-cases/payment-timers.js';

export const paymentsService: ServiceDefinition<PaymentsContext> = {
  identity: payments,
  entities: paymentsEntities,
  migrations: paymentsMigrations,
  resolvers: [PaymentResolver, PayLinkResolver, PaymentMethodResolver, RefundResolver, OrderMoneyResolver, SandboxResolver],
  orphanedTypes: [OrderType],
  referenceResolvers: { Order: { __resolveReference: resolveOrderReference } },
  handlers: paymentsHandlers,
  timers: paymentsTimers,
  httpRoutes: {
    '/webhooks/sandbox': sandboxWebhookRoute,
    '/webhooks/stripe': stripeWebhookRoute,
    '/pay': payPageRoute,
    '/pay/confirm': payConfirmRoute,
  },
  extendContext: (base): PaymentsContext => ({
    ...base,
    runtime: runtimeOf(base.em),
    orderMoney: createOrderMoneyLoader(base.em),
    intentsByOrder: createIntentsByOrderLoader(base.em),
    refundsByOrder: createRefundsByOrderLoader(base.em),
  }),
  housekeeping: (em) => purgePaymentsRows(em),
  onStart: async ({ orm, workerOrm, env, environment, logger }) => {
    const settings = loadPaymentsSettings(environment);
    const timeoutMs = settings.PAYMENTS_PROVIDER_TIMEOUT_MS;
    // The sandbox stands for another company's system: its own connections, so a payments transaction
    // waiting on an order's lock can never starve the provider call the lock holder is making.
    const sandboxOrm =
      settings.PAYMENTS_PROVIDER === 'sandbox'
        ? await openWorkerDatabase({ url: env.DATABASE_URL, schema: payments.dbSchema, entities: paymentsEntities, migrations: [], poolMax: 5 })
        : null;
    const sandbox = sandboxOrm
      ? new SandboxProvider(sandboxOrm, {
          webhookSecret: settings.SANDBOX_WEBHOOK_SECRET,
          processingMs: settings.SANDBOX_PROCESSING_MS,
          holdDays: settings.SANDBOX_HOLD_DAYS,
        })
      : null;
    // Stripe's SDK (~220 modules, ~6 MiB of heap) is loaded only by a payments that talks to Stripe.
    const provider =
      sandbox ??
      new (await import('./providers/stripe/stripe-provider.js')).StripeProvider({
        secretKey: settings.STRIPE_SECRET_KEY!,
        webhookSecret: settings.STRIPE_WEBHOOK_SECRET!,
        apiUrl: settings.STRIPE_API_URL,
        timeoutMs,
      });
    const runtime: PaymentsRuntime = { settings, provider, sandbox, sandboxOrm, logger, listeningUrl: null };
    attachRuntime([orm, workerOrm], runtime);
    if (sandboxOrm && (settings.SANDBOX_LATENCY_MS > 0 || settings.SANDBOX_FAIL_FOR_SECONDS > 0)) {
      await writeSandboxFaults(sandboxOrm.em.fork(), {
        latencyMs: settings.SANDBOX_LATENCY_MS,
        failUntil: settings.SANDBOX_FAIL_FOR_SECONDS > 0 ? new Date(Date.now() + settings.SANDBOX_FAIL_FOR_SECONDS * 1000) : null,
        dropWebhooksUntil: null,
        webhookDelayMs: 0,
      });
    }
    logger.info({ provider: provider.name }, 'payments ready to take payments');
    return sandboxOrm ? () => sandboxOrm.close() : undefined;
  },
  onListening: async ({ orm, url }) => {
    const runtime = runtimeOf(orm);
    runtime.listeningUrl = url;
    if (!runtime.sandbox || !runtime.sandboxOrm) return async () => {};
    const sandboxOrm = runtime.sandboxOrm;
    const webhooks = startSandboxWebhooks({
      orm: sandboxOrm,
      provider: runtime.sandbox,
      url: runtime.settings.SANDBOX_WEBHOOK_URL ?? new URL('/webhooks/sandbox', url).toString(),
      secret: runtime.settings.SANDBOX_WEBHOOK_SECRET,
      pollMs: runtime.settings.SANDBOX_WEBHOOK_POLL_MS,
      logger: runtime.logger,
    });
    return () => webhooks.stop();
  },
};
