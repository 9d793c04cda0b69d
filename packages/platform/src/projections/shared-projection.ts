import type { EntitySchema } from '@mikro-orm/postgresql';
import type { PlatformMigration } from '../db/platform-migrations/platform-migration.js';
import type { EventHandler } from '../inbox/event-handler.js';

/**
 * A copy of another service's data that several services keep the same way
 * (a customer's region...): its entities, the handlers that feed it and the
 * migrations of its tables travel together, so a service adds it with one
 * line (`projections: [customerRegionProjection]`).
 */
export interface SharedProjection {
  readonly name: string;
  readonly entities: readonly EntitySchema[];
  readonly handlers: readonly EventHandler[];
  readonly migrations: readonly PlatformMigration[];
}
