import type { EntityManager } from '@mikro-orm/core';
import type { EventData, EventDefinition, EventEnvelope, PublicTopic, Topic } from '@vitrine/contracts';
import { outboxRowOf, stageEvent, stageForwardedEvent, type ForwardedEventInput, type OutboxRow } from '../outbox/record-event.js';

export interface ServiceEvent<TDef extends EventDefinition> {
  definition: TDef;
  /** The aggregate id: the partition key, so one aggregate's events stay ordered. */
  subject: string;
  data: EventData<TDef>;
}

/** Who a service is on the bus and in PostgreSQL; its use cases stage events through it. */
export interface ServiceIdentity<TScope extends string = string> {
  /** Envelope `source`, consumer group, logger name. */
  readonly name: string;
  /** Its own PostgreSQL schema. */
  readonly dbSchema: string;
  /** Topics this service publishes to (created at start); it may stage events on no other. */
  readonly publishes: readonly (Topic | PublicTopic)[];
  /**
   * The scopes its resolvers may require (`@Staff(...)` from `scopedAuthorization`).
   * Building its schema fails on any other `@Authorized` scope, and accounts
   * issues exactly the scopes services declare (gateway/src/scopes.unit.spec.ts).
   */
  readonly scopes: readonly TScope[];
  /**
   * Stages an event in the outbox of `em`'s unit of work, with this service
   * as its source: written by the same flush as the state change, or not at all.
   */
  recordEvent<TDef extends EventDefinition>(em: EntityManager, event: ServiceEvent<TDef>): EventEnvelope;
  /**
   * The outbox row announcing an event, with this service as its source, for a use case that writes its change in
   * its own statement (`writeRows`): the row goes in that statement, so the event commits with the change or not at all.
   */
  outboxRow<TDef extends EventDefinition>(event: ServiceEvent<TDef>): OutboxRow;
  /** Stages another service's event, unchanged, on one of this service's topics (partners' public twins). */
  forwardEvent(em: EntityManager, event: ForwardedEventInput): void;
}

export function defineServiceIdentity<const TScope extends string = never>(
  identity: Pick<ServiceIdentity<TScope>, 'name' | 'dbSchema' | 'publishes' | 'scopes'>,
): ServiceIdentity<TScope> {
  const { name, dbSchema, publishes, scopes } = identity;
  const ownTopic = (topic: string, what: string) => {
    // A service announcing on a topic it does not own is a bug, not bad input.
    if (!(publishes as readonly string[]).includes(topic)) throw new Error(`${name} does not publish ${what} (topic ${topic}); add the topic to its identity`);
  };
  return {
    name,
    dbSchema,
    publishes,
    scopes,
    recordEvent(em, event) {
      ownTopic(event.definition.topic, event.definition.type);
      return stageEvent(em, { ...event, source: name });
    },
    outboxRow(event) {
      ownTopic(event.definition.topic, event.definition.type);
      return outboxRowOf({ ...event, source: name }).row;
    },
    forwardEvent(em, event) {
      ownTopic(event.topic, event.envelope.type);
      stageForwardedEvent(em, event);
    },
  };
}
