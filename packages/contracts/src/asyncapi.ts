import { z } from 'zod';
import { eventEnvelopeSchema } from './envelope.js';
import type { EventDefinition } from './event-definition.js';
import { isPublicEvent, publicTopicOf } from './public-events.js';
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
  // Partners: the public twin of each topic carries its public events, and a webhook carries the same messages.
  const publicChannels = new Set<string>();
  const webhook: { address: null; description: string; messages: Record<string, { $ref: string }> } = {
    address: null,
    description:
      "POSTed to each partner's endpoint for the event types it was granted, signed per Standard Webhooks (webhook-id = the event's id, webhook-timestamp, webhook-signature); retried with backoff for over three days, in order per subject.",
    messages: {},
  };
  for (const def of eventDefinitions.filter(isPublicEvent)) {
    const name = messageName(def.type, def.version);
    const address = publicTopicOf(def.topic)!;
    const channelId = address.replace(/\./g, '_');
    publicChannels.add(channelId);
    channels[channelId] ??= { address, messages: {} };
    channels[channelId].messages[name] = { $ref: `#/components/messages/${name}` };
    webhook.messages[name] = { $ref: `#/components/messages/${name}` };
  }
  for (const [channelId, channel] of Object.entries(channels)) {
    operations[`receive_${channelId}`] = {
      action: 'receive',
      channel: { $ref: `#/channels/${channelId}` },
      ...(publicChannels.has(channelId) && {
        tags: [{ name: 'partners' }],
        summary: `Partners read ${channel.address}: public events only, keyed by subject.`,
      }),
      messages: Object.values(channel.messages).map((m) => ({ $ref: m.$ref.replace('#/components/messages/', `#/channels/${channelId}/messages/`) })),
    };
  }
  const allChannels: Record<string, unknown> = { ...channels, partnerWebhook: webhook };
  operations.receive_partnerWebhook = {
    action: 'receive',
    channel: { $ref: '#/channels/partnerWebhook' },
    tags: [{ name: 'partners' }],
    summary: 'A partner receives a granted event on its webhook endpoint.',
    messages: Object.keys(webhook.messages).map((name) => ({ $ref: `#/channels/partnerWebhook/messages/${name}` })),
  };
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Vitrine events',
      version,
      description:
        'Every state change on the platform, as Kafka messages keyed by aggregate id. Headers: ce-id, ce-type, x-request-id. ' +
        'Partners read only the `partners.*` topics (or receive the same messages on their webhook): public event types, never account data. ' +
        'A released type@version never changes incompatibly; a new version is a new message.',
    },
    defaultContentType: 'application/json',
    channels: allChannels,
    operations,
    components: { messages },
  };
}
