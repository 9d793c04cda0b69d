import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventData, EventDefinition, EventEnvelope } from '@vitrine/contracts';

export interface EventHandler {
  definition: EventDefinition;
  /** Runs inside the inbox transaction: every write through `em` commits with the inbox row. */
  handle(event: EventEnvelope<unknown>, em: EntityManager): Promise<void>;
}

/** Pairs an event definition with its handler, keeping `event.data` typed. */
export function on<TDef extends EventDefinition>(
  definition: TDef,
  handle: (event: EventEnvelope<EventData<TDef>>, em: EntityManager) => Promise<void>,
): EventHandler {
  return { definition, handle };
}
