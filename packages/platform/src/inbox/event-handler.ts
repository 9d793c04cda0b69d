import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventData, EventDefinition, EventEnvelope } from '@vitrine/contracts';

export interface EventHandler {
  definition: EventDefinition;
  /** Runs inside the inbox transaction: every write through `em` commits with the inbox row. */
  handle(event: EventEnvelope<unknown>, em: EntityManager): Promise<void>;
  /** Present when the handler belongs to an event set (`onSet`): consecutive events of one set are applied together. */
  set?: EventSet;
}

/** Pairs an event definition with its handler, keeping `event.data` typed. */
export function on<TDef extends EventDefinition>(
  definition: TDef,
  handle: (event: EventEnvelope<EventData<TDef>>, em: EntityManager) => Promise<void>,
): EventHandler {
  return { definition, handle };
}

/** One event's part in a set: what the set's use case needs from it. */
export interface SetMember<T> {
  definition: EventDefinition;
  read(event: EventEnvelope<unknown>): T;
}

/** Reads `definition`'s events into the set's items, keeping `event.data` typed. */
export function when<TDef extends EventDefinition, T>(definition: TDef, read: (event: EventEnvelope<EventData<TDef>>) => T): SetMember<T> {
  return { definition, read: read as (event: EventEnvelope<unknown>) => T };
}

/**
 * A use case that takes many events at once in two steps: `load` reads what
 * every item needs in a few set-based queries (the orders of 30 stock answers
 * in one select, not 30), then `apply` moves each item on, in delivery order,
 * on what was loaded (the platform runs each in its event's request context).
 * Items of one aggregate may follow each other: `apply` must see the previous
 * one's change (it does: they share one identity map).
 */
export interface SetUseCase<T, TLoaded> {
  load(items: readonly T[], em: EntityManager): Promise<TLoaded>;
  apply(item: T, loaded: TLoaded, em: EntityManager): Promise<void>;
  /**
   * After every item: writes what `apply` only collected in set-based
   * statements (one insert for a batch's messages rather than one each).
   */
  save?(loaded: TLoaded, em: EntityManager): Promise<void>;
}

export interface EventSet {
  /** The items of these events, in order; what each one's request context is is the platform's business. */
  loadAndApply(
    events: readonly EventEnvelope<unknown>[],
    em: EntityManager,
    inContext: (event: EventEnvelope<unknown>, run: () => Promise<void>) => Promise<void>,
  ): Promise<void>;
}

/**
 * Handlers for several event types whose effects a use case can apply as a
 * set (fewer round trips per event: the win when a consumer falls behind,
 * since a backlog then arrives in batches). Applied one at a time (a retry, a
 * lone message) each is a set of one, so the effects are the same either way.
 */
export function onSet<T, TLoaded>(useCase: SetUseCase<T, TLoaded>, ...members: SetMember<T>[]): EventHandler[] {
  const memberOf = (event: EventEnvelope<unknown>) => {
    const member = members.find((m) => m.definition.type === event.type && m.definition.version === event.version);
    if (!member) throw new Error(`event set: no member for ${event.type} v${event.version}`);
    return member;
  };
  const set: EventSet = {
    async loadAndApply(events, em, inContext) {
      const items = events.map((event) => memberOf(event).read(event));
      const loaded = await useCase.load(items, em);
      for (let i = 0; i < items.length; i++) await inContext(events[i]!, () => useCase.apply(items[i]!, loaded, em));
      await useCase.save?.(loaded, em);
    },
  };
  return members.map((member) => ({
    definition: member.definition,
    set,
    handle: (event, em) => set.loadAndApply([event], em, (_, run) => run()),
  }));
}
