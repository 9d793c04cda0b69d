import { coreTableMigrations } from '../db/platform-migrations/core-tables.js';
import type { ServiceDatabaseOptions } from '../db/orm.js';
import type { EventHandler } from '../inbox/event-handler.js';
import type { ServiceDefinition } from './service-definition.js';

/** A service's database as it runs: its entities and migrations, plus those of the shared projections it keeps. */
export function serviceDatabaseOptions(
  definition: Pick<ServiceDefinition, 'identity' | 'entities' | 'migrations' | 'projections'>,
  url: string,
): ServiceDatabaseOptions {
  const projections = definition.projections ?? [];
  return {
    url,
    schema: definition.identity.dbSchema,
    entities: [...definition.entities, ...projections.flatMap((p) => p.entities)],
    migrations: definition.migrations,
    platformMigrations: [...coreTableMigrations, ...projections.flatMap((p) => p.migrations)],
  };
}

/** Every event handler of a service: its own, then its shared projections'. */
export function serviceHandlers(definition: Pick<ServiceDefinition, 'handlers' | 'projections'>): EventHandler[] {
  return [...(definition.handlers ?? []), ...(definition.projections ?? []).flatMap((p) => p.handlers)];
}
