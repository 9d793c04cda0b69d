import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { createEventBus } from '../bus/create-bus.js';
import type { EventBus, Subscription } from '../bus/event-bus.js';
import { identifyCaller } from '../auth/identify-caller.js';
import { clientAddressOf } from '../server/client-address.js';
import { loadConfig } from '../config/load-config.js';
import { serviceEnv, type ServiceEnv } from '../config/service-env.js';
import { openServiceDatabase, openWorkerDatabase, type ServiceDatabaseOptions } from '../db/orm.js';
import { purgeExpired } from '../db/retention.js';
import { startEventConsumer } from '../inbox/event-consumer.js';
import { createLogger } from '../logging/logger.js';
import { OutboxRelay } from '../outbox/outbox-relay.js';
import { wakeRelayOnCommit } from '../outbox/wake-relay-on-commit.js';
import { buildFederatedSchema } from '../server/build-subgraph-schema.js';
import type { BaseContext } from '../server/request-context.js';
import { startSubgraphServer } from '../server/subgraph-server.js';
import type { ServiceDefinition } from './service-definition.js';

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
  logger: Logger;
  /** Graceful: stop taking requests, finish in-flight ones, stop consumers, flush the relay, close. */
  stop(): Promise<void>;
}

export async function startService<TContext extends BaseContext>(
  definition: ServiceDefinition<TContext>,
  environment: Record<string, string | undefined> = process.env,
): Promise<RunningService> {
  const env = loadConfig(serviceEnv, environment);
  const logger = createLogger(definition.name, env.LOG_LEVEL);
  if (env.AUTH_MODE === 'open') logger.warn('AUTH_MODE=open: every caller acts as staff until accounts land');

  const database: ServiceDatabaseOptions = {
    url: env.DATABASE_URL,
    schema: definition.dbSchema,
    entities: definition.entities,
    migrations: definition.migrations,
    logger,
  };
  const orm = await openServiceDatabase({ ...database, poolMax: env.DB_POOL_MAX });
  const workerOrm = await openWorkerDatabase({ ...database, poolMax: env.DB_WORKER_POOL_MAX });
  await definition.onStart?.({ orm, env, environment, logger });
  if (env.SEED_DEMO_DATA && definition.seed) await definition.seed(orm.em.fork());
  const bus = await createEventBus(env, `vitrine-${definition.name}`, logger);
  await bus.ensureTopics(definition.publishes.map((t) => env.TOPIC_PREFIX + t));

  const relay = new OutboxRelay({ orm: workerOrm, bus, schema: definition.dbSchema, logger, topicPrefix: env.TOPIC_PREFIX, pollMs: env.OUTBOX_POLL_MS });
  wakeRelayOnCommit(orm, relay);
  wakeRelayOnCommit(workerOrm, relay);
  if (env.OUTBOX_RELAY === 'on') relay.start();

  // Housekeeping, not a business deadline: losing a tick only delays a purge.
  const retention = { outboxHours: env.OUTBOX_RETENTION_HOURS, inboxDays: env.INBOX_RETENTION_DAYS };
  const housekeeping = setInterval(() => {
    purgeExpired(workerOrm, definition.dbSchema, retention).then(
      (purged) => logger.debug(purged, 'purged expired outbox/inbox rows'),
      (err) => logger.warn({ err }, 'purge failed'),
    );
  }, 10 * 60_000).unref();

  let subscription: Subscription | undefined;
  if (definition.handlers?.length) {
    subscription = await startEventConsumer({
      orm: workerOrm, bus, logger, schema: definition.dbSchema, groupId: `${env.TOPIC_PREFIX}${definition.name}`,
      handlers: definition.handlers, topicPrefix: env.TOPIC_PREFIX,
    });
  }

  const schema = await buildFederatedSchema(definition);
  const server = await startSubgraphServer<TContext>({
    schema, logger, host: env.HOST, port: env.PORT,
    introspection: env.NODE_ENV !== 'production',
    routes: Object.fromEntries(
      Object.entries(definition.httpRoutes ?? {}).map(([path, route]) => [path, (req, res) => route(req, res, { orm, env })]),
    ),
    createContext: (req, requestId) => {
      const base: BaseContext = {
        requestId,
        caller: identifyCaller(env.AUTH_MODE, req.headers),
        em: orm.em.fork(),
        clientAddress: clientAddressOf(req),
      };
      return (definition.extendContext ? definition.extendContext(base) : base) as TContext;
    },
    checkReady: async () => {
      await orm.em.getConnection().execute('select 1');
      await bus.ping();
    },
  });
  logger.info({ url: server.url, transport: bus.transport }, `${definition.name} subgraph ready`);

  let stopping: Promise<void> | undefined;
  return {
    name: definition.name, url: server.url, env, orm, workerOrm, bus, relay, logger,
    stop: () => (stopping ??= (async () => {
      clearInterval(housekeeping);
      await server.stop();
      await subscription?.stop();
      if (env.OUTBOX_RELAY === 'on') await relay.stop();
      await bus.close();
      await workerOrm.close();
      await orm.close();
      logger.info(`${definition.name} stopped`);
    })()),
  };
}
