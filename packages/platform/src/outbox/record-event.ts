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

/**
 * Stages an event in the outbox of `em`'s unit of work: it is written by the
 * same flush/commit as the state change, or not at all. Producing an event
 * that breaks its own schema is a bug, so this throws. Services call it
 * through their identity (`ServiceIdentity.recordEvent`), which names the source.
 */
export function stageEvent<TDef extends EventDefinition>(em: EntityManager, input: StagedEventInput<TDef>): EventEnvelope {
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
  em.persist(
    em.create(OutboxMessage, {
      eventId: envelope.id,
      topic: input.definition.topic,
      key: input.subject,
      type: envelope.type,
      envelope: envelope as unknown as Record<string, unknown>,
      headers,
    }),
  );
  return envelope;
}
