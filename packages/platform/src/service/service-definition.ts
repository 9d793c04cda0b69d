import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EntityManager, EntitySchema, MigrationObject, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { ServiceEnv } from '../config/service-env.js';
import type { NotificationListener } from '../db/notification-listener.js';
import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { BuildSchemaOptions } from 'type-graphql';
import type { EventHandler } from '../inbox/event-handler.js';
import type { BaseContext } from '../server/request-context.js';
import type { TimerHandler } from '../timers/timer-handler.js';
import type { SharedProjection } from '../projections/shared-projection.js';
import type { ServiceIdentity } from './service-identity.js';

export type HttpRoute = (req: IncomingMessage, res: ServerResponse, services: { orm: MikroORM; env: ServiceEnv }) => Promise<void>;

export interface StartContext {
  orm: MikroORM;
  /** The pool event handlers, timers and the relay run on (their `em` is forked from it). */
  workerOrm: MikroORM;
  env: ServiceEnv;
  environment: Record<string, string | undefined>;
  logger: Logger;
  /** The process's one LISTEN connection on DATABASE_URL: what waits for notifications listens through it. */
  listener: NotificationListener;
}

/** What a service keeps for the life of its process and hands to every request's context (e.g. a read cache). */
export interface ProcessShared<TShared> {
  value: TShared;
  /** Runs at stop, after the HTTP server closed. */
  release(): Promise<void>;
}

/** Everything a subgraph declares about itself; `startService` does the wiring. */
export interface ServiceDefinition<TContext extends BaseContext = BaseContext, TShared = unknown> {
  /** Name, schema and topics (`defineServiceIdentity`); its use cases stage events through it. */
  identity: ServiceIdentity;
  /** Its own entities (the platform's tables and its projections' come with them). */
  entities: EntitySchema[];
  migrations: MigrationObject[];
  /** Resolver classes; none while a new service has no types yet. */
  resolvers: BuildSchemaOptions['resolvers'] | [];
  orphanedTypes?: BuildSchemaOptions['orphanedTypes'];
  referenceResolvers?: GraphQLResolverMap<unknown>;
  handlers?: EventHandler[];
  /** Copies of other services' data kept the shared way (entities, handlers and tables in one bundle). */
  projections?: SharedProjection[];
  /** Durable deadlines this service fires (`scheduleTimer` arms them); one handler per kind. */
  timers?: TimerHandler[];
  /**
   * Timer kinds fired several at a time, with how many (every other kind fires
   * one at a time), from the service's own settings: read once at start,
   * before the pools open, as the worker pool grows by one connection per place.
   */
  timerConcurrency?: (environment: Record<string, string | undefined>) => Record<string, number>;
  /** Adds per-request DataLoaders and the like; `shared` is what `processShared` made (undefined without it). */
  // A method, so that a definition with its own TShared still is a ServiceDefinition (tools that print its schema).
  extendContext?(base: BaseContext, shared: TShared): TContext;
  /** Made once after migrations, before the server takes requests, and given to every `extendContext`. */
  processShared?: (services: StartContext) => Promise<ProcessShared<TShared>>;
  /** Plain HTTP routes next to /graphql (e.g. `/.well-known/jwks.json`), keyed by path. */
  httpRoutes?: Record<string, HttpRoute>;
  /**
   * Runs once after migrations, before the server takes requests (e.g. create
   * signing keys, a bootstrap admin). Gets the raw environment for settings
   * only this service has. May return how to release what it opened (a pool
   * of its own...): run late in a stop, after the server, consumers and
   * timers, before the databases close.
   */
  onStart?: (services: StartContext) => Promise<void | (() => Promise<void>)>;
  /**
   * Runs once the HTTP server listens (its URL is known, even on PORT=0), for
   * background work that needs it (e.g. a simulated provider calling the
   * service's own webhook). Returns how to stop that work; a stop runs it
   * first, before the server and the databases close.
   */
  onListening?: (services: StartContext & { url: string }) => Promise<() => Promise<void>>;
  /**
   * The service's own housekeeping (rows past their use, e.g. expired
   * sessions), run with the platform's retention purge every few minutes on
   * the worker pool, never on a request's path. Returns what it deleted, for the log.
   */
  housekeeping?: (em: EntityManager) => Promise<Record<string, number>>;
  /** Demo data for `npm start`; must be idempotent. */
  seed?: (em: EntityManager) => Promise<void>;
}
