import type { EventDefinition } from '@vitrine/contracts';
import type { BaseContext, RunningService, ServiceDefinition } from '@vitrine/platform';
import { bootService } from './boot-service.js';
import { publishEvent, publishEvents, type PublishedEventInput } from './publish-event.js';
import { createTestDatabase, createTopicPrefix } from './test-infra.js';
import { startTokenIssuer, type TestTokenIssuer } from './token-issuer.js';

export interface IsolatedServiceOptions {
  /** Names the test file's database and topic prefix. */
  label: string;
  /** Kafka unless a test is about the embedded transport. */
  transport?: 'kafka' | 'embedded';
  /** Service settings over the test defaults. */
  env?: Record<string, string>;
}

/** One service on its own database and topics, trusting the tokens of a test issuer instead of accounts. */
export interface IsolatedService {
  readonly service: RunningService;
  readonly url: string;
  readonly databaseUrl: string;
  readonly topicPrefix: string;
  /** Signs the tokens the service trusts: `tokens.customer()`, `tokens.staff(['catalog:write'])`. */
  readonly tokens: TestTokenIssuer;
  /** Reads (or, for set-up, writes) the service's database directly: tests check what was written, not what an API claims. */
  sql<T = any>(query: string, params?: unknown[]): Promise<T[]>;
  /** Puts an event on this file's topics as another service would, for this one to consume. */
  publish<TDef extends EventDefinition>(input: PublishedEventInput<TDef>): ReturnType<typeof publishEvent<TDef>>;
  /** Several events at once, in order, in one produce request. */
  publishAll(inputs: readonly PublishedEventInput<EventDefinition>[]): ReturnType<typeof publishEvents>;
  stop(): Promise<void>;
}

/**
 * Boots one service for its int specs: real PostgreSQL and Kafka (a fresh
 * database and topic prefix), no other service. Callers are made with
 * `tokens` (a customer, staff with chosen scopes) or are anonymous, so no
 * accounts service is needed; events other services would send are
 * published with `publish`.
 */
export async function bootIsolatedService<TContext extends BaseContext, TShared>(
  definition: ServiceDefinition<TContext, TShared>,
  options: IsolatedServiceOptions,
): Promise<IsolatedService> {
  const tokens = await startTokenIssuer();
  try {
    const databaseUrl = await createTestDatabase(options.label);
    const topicPrefix = createTopicPrefix(options.label);
    const service = await bootService(definition, {
      databaseUrl,
      topicPrefix,
      transport: options.transport,
      extra: { AUTH_JWKS_URL: tokens.jwksUrl, AUTH_ISSUER: tokens.issuer, ...options.env },
    });
    return {
      service,
      url: service.url,
      databaseUrl,
      topicPrefix,
      tokens,
      sql: (query, params = []) => service.orm.em.fork().getConnection().execute(query, params),
      publish: (input) => publishEvent(service.bus, topicPrefix, input),
      publishAll: (inputs) => publishEvents(service.bus, topicPrefix, inputs),
      async stop() {
        await service.stop();
        await tokens.stop();
      },
    };
  } catch (err) {
    await tokens.stop();
    throw err;
  }
}
