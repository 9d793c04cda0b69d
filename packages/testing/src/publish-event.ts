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
  const [envelope] = await publishEvents(bus, topicPrefix, [input]);
  return envelope as EventEnvelope<EventData<TDef>>;
}

/**
 * Several events in one produce request, in order (a burst that a consumer
 * then fetches together, as it would after a drop).
 */
export async function publishEvents(bus: EventBus, topicPrefix: string, inputs: readonly PublishedEventInput<EventDefinition>[]): Promise<EventEnvelope[]> {
  const envelopes = inputs.map((input): EventEnvelope => ({
    id: input.id ?? randomUUID(),
    type: input.definition.type,
    source: input.source,
    time: new Date().toISOString(),
    subject: input.subject,
    version: input.definition.version,
    data: input.definition.schema.parse(input.data),
  }));
  const topics = [...new Set(inputs.map((input) => topicPrefix + input.definition.topic))];
  await bus.ensureTopics(topics);
  await bus.publish(
    envelopes.map((envelope, i) => ({
      topic: topicPrefix + inputs[i]!.definition.topic,
      key: envelope.subject,
      value: JSON.stringify(envelope),
      headers: { [eventHeaders.eventType]: envelope.type, [eventHeaders.eventId]: envelope.id },
    })),
  );
  return envelopes;
}
