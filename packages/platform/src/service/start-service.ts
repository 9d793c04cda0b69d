import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { createCallerIdentifier } from '../auth/identify-caller.js';
import { createEventBus } from '../bus/create-bus.js';
import type { EventBus } from '../bus/event-bus.js';
import { ConfigError, loadConfig } from '../config/load-config.js';
import { checkServiceEnv, serviceEnv, type ServiceEnv } from '../config/service-env.js';
import { openServiceDatabase, openWorkerDatabase } from '../db/orm.js';
import { runHousekeeping } from '../db/retention.js';
import { startEventConsumer } from '../inbox/event-consumer.js';
import { createLogger } from '../logging/logger.js';
import { OutboxRelay } from '../outbox/outbox-relay.js';
import { wakeRelayOnOutboxNotify } from '../outbox/outbox-notify.js';
import { createNotificationListener, type NotificationListener } from '../db/notification-listener.js';
import { buildFederatedSchema } from '../server/build-subgraph-schema.js';
import { clientAddressOf, parseTrustedProxies } from '../server/client-address.js';
import { isSessionRenewalRequest } from '../auth/session-renewal.js';
import type { BaseContext } from '../server/request-context.js';
import { startSubgraphServer } from '../server/subgraph-server.js';
import { TimerScheduler } from '../timers/timer-scheduler.js';
import type { ServiceDefinition } from './service-definition.js';
import { refreshSandboxClock, sandboxClockHandler } from '../clock/sandbox-clock.js';
import { serviceDatabaseOptions, serviceHandlers } from './service-database.js';
import { ShutdownSequence } from './shutdown-sequence.js';

export interface RunningService {
  name: string;
  url: string;
  env: ServiceEnv;
  /** Serves requests. */
  orm: MikroORM;
  /** Runs the relay, consumers and housekeeping on their own pool. */
  workerOrm: MikroORM;
  bus: EventBus;
  relay: OutboxRelay;
  /** The process's LISTEN connection (the bus's subscriptions, the relay's wake-up and caches share it). */
  listener: NotificationListener;
  /** Present when the definition declares timer handlers. */
  timers?: TimerScheduler;
  logger: Logger;
  /** Graceful: stop taking requests, finish in-flight ones, stop consumers and timers, flush the relay, close. */
  stop(): Promise<void>;
}

/**
 * Wires a subgraph: database (migrated), bus, outbox relay, timer scheduler,
 * consumers, HTTP server. Every part registers how to undo itself, so a failed
 * start releases what it opened and a stop runs in the reverse order of the start.
 */
export async function startService<TContext extends BaseContext, TShared = unknown>(
  definition: ServiceDefinition<TContext, TShared>,
  environment: Record<string, string | undefined> = process.env,
): Promise<RunningService> {
  const env = loadConfig(serviceEnv, environment);
  const envProblems = checkServiceEnv(env);
  if (envProblems.length > 0) throw new ConfigError(envProblems);
  const { name, dbSchema, publishes } = definition.identity;
  const logger = createLogger(name, env.LOG_LEVEL);
  const shutdown = new ShutdownSequence(logger);
  try {
    const database = serviceDatabaseOptions(definition, env.DATABASE_URL);
    // Outside production every service follows the store's sandbox clock.
    const sandbox = env.NODE_ENV !== 'production';
    const handlers = [...serviceHandlers(definition), ...(sandbox ? [sandboxClockHandler] : [])];
    const orm = await openServiceDatabase({ ...database, poolMax: env.DB_POOL_MAX, applicationName: `vitrine:${name}` });
    shutdown.push('database', () => orm.close());
    // Each concurrent timer firing holds a connection for its transaction: on top of the relay's and consumers'.
    const timerConcurrency = definition.timers?.length ? (definition.timerConcurrency?.(environment) ?? {}) : {};
    const timerConnections = Object.values(timerConcurrency).reduce((sum, limit) => sum + (limit > 1 ? limit : 0), 0);
    const workerOrm = await openWorkerDatabase({ ...database, poolMax: env.DB_WORKER_POOL_MAX + timerConnections, applicationName: `vitrine:${name}:worker` });
    shutdown.push('worker database', () => workerOrm.close());
    // One LISTEN connection for the whole process (bus, relay, caches): see notification-listener.ts. It opens with
    // the first channel listened on, and closes last (everything that listens stops before it).
    const listener = createNotificationListener({ url: env.DATABASE_URL, applicationName: `vitrine:${name}:listen`, logger });
    shutdown.push('notification listener', () => listener.close());
    if (sandbox) await refreshSandboxClock(orm.em.fork());
    const release = await definition.onStart?.({ orm, workerOrm, env, environment, logger, listener });
    if (release) shutdown.push('service resources', release);
    const shared = await definition.processShared?.({ orm, workerOrm, env, environment, logger, listener });
    if (shared) shutdown.push('process-wide state', () => shared.release());
    if (env.SEED_DEMO_DATA && definition.seed) await definition.seed(orm.em.fork());

    const bus = await createEventBus(env, `vitrine-${name}`, logger, listener);
    shutdown.push('bus', () => bus.close());
    await bus.ensureTopics(publishes.map((t) => env.TOPIC_PREFIX + t));

    const relay = new OutboxRelay({
      orm: workerOrm,
      bus,
      schema: dbSchema,
      logger,
      topicPrefix: env.TOPIC_PREFIX,
      pollMs: env.OUTBOX_POLL_MS,
      lingerMs: env.EVENT_LINGER_MS,
      paceMs: env.EVENT_PACE_MS,
    });
    if (env.OUTBOX_RELAY === 'on') {
      shutdown.push('outbox notifications', await wakeRelayOnOutboxNotify(listener, dbSchema, relay));
      relay.start();
      shutdown.push('outbox relay', () => relay.stop());
    }

    // Stopped before the relay (reverse order), so events a last timer staged are still flushed.
    let timers: TimerScheduler | undefined;
    if (definition.timers?.length) {
      const scheduler = new TimerScheduler({
        orm: workerOrm,
        schema: dbSchema,
        handlers: definition.timers,
        logger,
        pollMs: env.TIMER_POLL_MS,
        retry: { maxAttempts: env.TIMER_MAX_ATTEMPTS },
        followSandboxClock: sandbox,
        concurrency: timerConcurrency,
      });
      scheduler.start();
      shutdown.push('timer scheduler', () => scheduler.stop());
      timers = scheduler;
    }

    if (sandbox) {
      // Another replica may have consumed the latest clock move: its row is the truth.
      const follow = setInterval(
        () => void refreshSandboxClock(workerOrm.em.fork()).catch((err) => logger.warn({ err }, 'sandbox clock refresh failed')),
        5_000,
      ).unref();
      shutdown.push('sandbox clock', async () => clearInterval(follow));
    }

    // Housekeeping, not a business deadline: losing a tick only delays a purge.
    const retention = { outboxHours: env.OUTBOX_RETENTION_HOURS, inboxDays: env.INBOX_RETENTION_DAYS };
    const housekeeping = setInterval(() => {
      runHousekeeping(workerOrm, dbSchema, retention, definition.housekeeping).then(
        (purged) => logger.debug(purged, 'housekeeping: expired rows purged'),
        (err) => logger.warn({ err }, 'housekeeping failed'),
      );
    }, 10 * 60_000).unref();
    shutdown.push('housekeeping', async () => clearInterval(housekeeping));

    if (handlers.length && env.EVENT_CONSUMERS === 'on') {
      const subscription = await startEventConsumer({
        orm: workerOrm,
        bus,
        logger,
        schema: dbSchema,
        groupId: `${env.TOPIC_PREFIX}${name}`,
        handlers,
        topicPrefix: env.TOPIC_PREFIX,
      });
      shutdown.push('event consumer', () => subscription.stop());
    }

    const trustedProxies = parseTrustedProxies(env.TRUSTED_PROXIES);
    const identifyCaller = createCallerIdentifier({ jwksUrl: env.AUTH_JWKS_URL, issuer: env.AUTH_ISSUER });
    const server = await startSubgraphServer<TContext>({
      schema: await buildFederatedSchema(definition),
      logger,
      host: env.HOST,
      port: env.PORT,
      introspection: env.NODE_ENV !== 'production',
      routes: Object.fromEntries(Object.entries(definition.httpRoutes ?? {}).map(([path, route]) => [path, (req, res) => route(req, res, { orm, env })])),
      createContext: async (req, requestId, body) => {
        const base: BaseContext = {
          requestId,
          caller: await identifyCaller(req.headers, { isSessionRenewal: () => isSessionRenewalRequest(body) }),
          em: orm.em.fork(),
          clientAddress: clientAddressOf(req, trustedProxies),
          production: !sandbox,
        };
        return (definition.extendContext ? definition.extendContext(base, shared?.value as TShared) : base) as TContext;
      },
      readiness: {
        database: async () => void (await orm.em.getConnection().execute('select 1')),
        eventTransport: () => bus.ping(),
      },
    });
    shutdown.push('http server', () => server.stop());
    if (definition.onListening) {
      const stopBackground = await definition.onListening({ orm, workerOrm, env, environment, logger, listener, url: server.url });
      shutdown.push('background work', stopBackground);
    }
    logger.info({ url: server.url, transport: bus.transport }, `${name} subgraph ready`);

    return {
      name,
      url: server.url,
      env,
      orm,
      workerOrm,
      bus,
      relay,
      listener,
      timers,
      logger,
      stop: async () => {
        await shutdown.run();
        logger.info(`${name} stopped`);
      },
    };
  } catch (err) {
    await shutdown.run();
    throw err;
  }
}
