import { z } from 'zod';
import { eventEnvelopeSchema } from './envelope.js';
import type { EventDefinition } from './event-definition.js';
import { eventDefinitions } from './registry.js';

const messageName = (type: string, version: number) => `${type.replace(/[^a-zA-Z0-9]+/g, '_')}_v${version}`;

/** An event's `data` as JSON Schema: what the AsyncAPI document publishes and the release baseline keeps per `type@version`. */
export function eventDataJsonSchema(definition: EventDefinition): Record<string, unknown> {
  return z.toJSONSchema(definition.schema, { io: 'input' }) as Record<string, unknown>;
}

/**
 * The AsyncAPI 3 document partners integrate against: one channel per topic,
 * one message per event type and version, payloads as JSON Schema generated
 * from the same zod schemas the services validate with.
 */
export function buildAsyncApiDocument(version = '1.0.0'): Record<string, unknown> {
  const envelope = z.toJSONSchema(eventEnvelopeSchema.omit({ data: true }), { io: 'input' });
  const messages: Record<string, unknown> = {};
  const channels: Record<string, { address: string; messages: Record<string, { $ref: string }> }> = {};
  const operations: Record<string, unknown> = {};

  for (const def of eventDefinitions) {
    const name = messageName(def.type, def.version);
    const payload = {
      ...envelope,
      properties: {
        ...(envelope.properties as object),
        type: { const: def.type },
        version: { const: def.version },
        data: eventDataJsonSchema(def),
      },
      required: [...((envelope.required as string[]) ?? []), 'data'],
    };
    messages[name] = { name: def.type, title: `${def.type} v${def.version}`, contentType: 'application/json', payload };
    const channelId = def.topic.replace(/\./g, '_');
    channels[channelId] ??= { address: def.topic, messages: {} };
    channels[channelId].messages[name] = { $ref: `#/components/messages/${name}` };
  }
  for (const [channelId, channel] of Object.entries(channels)) {
    operations[`receive_${channelId}`] = {
      action: 'receive',
      channel: { $ref: `#/channels/${channelId}` },
      messages: Object.values(channel.messages).map((m) => ({ $ref: m.$ref.replace('#/components/messages/', `#/channels/${channelId}/messages/`) })),
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Vitrine events',
      version,
      description: 'Every state change on the platform, as Kafka messages keyed by aggregate id. Headers: ce-id, ce-type, x-request-id.',
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { messages },
  };
}
