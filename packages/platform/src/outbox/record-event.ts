import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { eventHeaders, type EventData, type EventDefinition, type EventEnvelope } from '@vitrine/contracts';
import { currentRequestId, requestIdHeader } from '../context/request-context.js';
import { OutboxMessage } from './outbox-message.entity.js';
import { storeNow } from '../clock/store-clock.js';

export interface StagedEventInput<TDef extends EventDefinition> {
  /** The service announcing the event (envelope `source`). */
  source: string;
  definition: TDef;
  /** The aggregate id: the partition key, so one aggregate's events stay ordered. */
  subject: string;
  data: EventData<TDef>;
}

/** An outbox row as written: every column but its sequence number and timestamps. */
export type OutboxRow = Pick<OutboxMessage, 'eventId' | 'topic' | 'key' | 'type' | 'envelope' | 'headers'>;

/**
 * The event and the outbox row that announces it. Producing an event that
 * breaks its own schema is a bug, so this throws. The row is written in the
 * state change's transaction: staged in the unit of work (`stageEvent`) or
 * inserted beside the change by a use case's own statement (`writeRows`).
 */
export function outboxRowOf<TDef extends EventDefinition>(input: StagedEventInput<TDef>): { envelope: EventEnvelope; row: OutboxRow } {
  const data = input.definition.schema.parse(input.data);
  const envelope: EventEnvelope = {
    id: randomUUID(),
    type: input.definition.type,
    source: input.source,
    time: storeNow().toISOString(),
    subject: input.subject,
    version: input.definition.version,
    data,
  };
  const headers: Record<string, string> = { [eventHeaders.eventType]: envelope.type, [eventHeaders.eventId]: envelope.id };
  const requestId = currentRequestId();
  if (requestId) headers[requestIdHeader] = requestId;
  const row = {
    eventId: envelope.id,
    topic: input.definition.topic,
    key: input.subject,
    type: envelope.type,
    envelope: envelope as unknown as Record<string, unknown>,
    headers,
  };
  return { envelope, row };
}

/**
 * Stages an event in the outbox of `em`'s unit of work: it is written by the
 * same flush/commit as the state change, or not at all. Services call it
 * through their identity (`ServiceIdentity.recordEvent`), which names the source.
 */
export function stageEvent<TDef extends EventDefinition>(em: EntityManager, input: StagedEventInput<TDef>): EventEnvelope {
  const { envelope, row } = outboxRowOf(input);
  em.persist(em.create(OutboxMessage, row));
  return envelope;
}

export interface ForwardedEventInput {
  /** A topic of the forwarding service's own (e.g. a public twin partners read). */
  topic: string;
  /** The event as it goes out: its id, type and time are the original's, so readers dedupe across paths. */
  envelope: { id: string; type: string; subject: string } & Record<string, unknown>;
}

/**
 * Stages an event another service announced, unchanged, on another topic:
 * partners' public topics carry the platform's events as they happened
 * (same id, source and time), in the forwarding consumer's transaction, so
 * the forward is exactly once with the consumer's inbox.
 */
export function stageForwardedEvent(em: EntityManager, input: ForwardedEventInput): void {
  const { envelope } = input;
  const headers: Record<string, string> = { [eventHeaders.eventType]: envelope.type, [eventHeaders.eventId]: envelope.id };
  const requestId = currentRequestId();
  if (requestId) headers[requestIdHeader] = requestId;
  em.persist(em.create(OutboxMessage, { eventId: envelope.id, topic: input.topic, key: envelope.subject, type: envelope.type, envelope, headers }));
}
