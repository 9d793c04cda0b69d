import { randomUUID } from 'node:crypto';
import { eventHeaders, type EventData, type EventDefinition, type EventEnvelope } from '@vitrine/contracts';
import type { EventBus } from '@vitrine/platform';

export interface PublishedEventInput<TDef extends EventDefinition> {
  /** The service that would have announced it (envelope `source`). */
  source: string;
  definition: TDef;
  /** The aggregate id, also the message key. */
  subject: string;
  data: EventData<TDef>;
  /** The envelope id; a fresh one unless a test redelivers an event it published before. */
  id?: string;
}

/**
 * Puts an event on a test file's topics as its producing service would (a
 * valid envelope on the definition's topic, keyed by its subject), so a
 * service under test consumes what another service would have sent.
 */
export async function publishEvent<TDef extends EventDefinition>(
  bus: EventBus,
  topicPrefix: string,
  input: PublishedEventInput<TDef>,
): Promise<EventEnvelope<EventData<TDef>>> {
  const envelope: EventEnvelope<EventData<TDef>> = {
    id: input.id ?? randomUUID(),
    type: input.definition.type,
    source: input.source,
    time: new Date().toISOString(),
    subject: input.subject,
    version: input.definition.version,
    data: input.definition.schema.parse(input.data) as EventData<TDef>,
  };
  const topic = topicPrefix + input.definition.topic;
  await bus.ensureTopics([topic]);
  await bus.publish([
    { topic, key: input.subject, value: JSON.stringify(envelope), headers: { [eventHeaders.eventType]: envelope.type, [eventHeaders.eventId]: envelope.id } },
  ]);
  return envelope;
}
