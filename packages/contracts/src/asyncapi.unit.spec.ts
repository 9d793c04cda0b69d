import { Parser } from '@asyncapi/parser';
import { describe, expect, it } from 'vitest';
import { buildAsyncApiDocument } from './asyncapi.js';
import { isPublicEventType, publicEventTypes, publicTopicOf, publicTopics } from './public-events.js';
import { eventDefinitions } from './registry.js';
import { topics } from './topics.js';

describe('AsyncAPI document', () => {
  const doc = buildAsyncApiDocument() as any;

  it('describes every event on its topic', () => {
    const addresses = Object.values(doc.channels).map((c: any) => c.address);
    for (const def of eventDefinitions) {
      expect(addresses).toContain(def.topic);
      const message = Object.values(doc.components.messages).find((m: any) => m.name === def.type) as any;
      expect(message.payload.properties.version).toEqual({ const: def.version });
    }
  });

  it('carries the data schema partners validate against', () => {
    const placed = Object.values(doc.components.messages).find((m: any) => m.name === 'orders.order.placed') as any;
    const data = placed.payload.properties.data;
    expect(data.required).toEqual(expect.arrayContaining(['orderId', 'lines']));
    expect(data.properties.lines.items.properties.quantity).toMatchObject({ type: 'integer', exclusiveMinimum: 0 });
  });

  it('is a valid AsyncAPI 3 document by the reference parser (no error-level diagnostic)', async () => {
    const { document, diagnostics } = await new Parser().parse(JSON.stringify(buildAsyncApiDocument()));
    // Severity 0 is an error; warnings and hints (style rules) do not make a document invalid.
    expect(diagnostics.filter((d) => d.severity === 0).map((d) => `${d.path.join('.')}: ${d.message}`)).toEqual([]);
    expect(document?.version()).toBe('3.0.0');
  });

  it('gives partners the public topics (public events only) and the webhook (the same messages), never account events', () => {
    const partnerChannels = Object.values(doc.channels).filter((c: any) => c.address?.startsWith('partners.') || c.address === null) as any[];
    expect(partnerChannels.map((c) => c.address).sort()).toEqual([null, ...Object.values(publicTopics)].sort());
    for (const channel of partnerChannels) {
      const types = Object.keys(channel.messages).map((name) => doc.components.messages[name].name);
      expect(types.length).toBeGreaterThan(0);
      for (const type of types) expect(isPublicEventType(type), type).toBe(true);
      expect(types.some((t) => t.startsWith('accounts.'))).toBe(false);
    }
    const webhook = doc.channels.partnerWebhook;
    expect(
      Object.keys(webhook.messages)
        .map((name) => doc.components.messages[name].name)
        .sort(),
    ).toEqual([...publicEventTypes].sort());
  });
});

describe('public topics', () => {
  it('every public event type exists and lives on a topic with a public twin; internal-only topics have none', () => {
    for (const type of publicEventTypes) {
      const def = eventDefinitions.find((d) => d.type === type);
      expect(def, type).toBeDefined();
      expect(publicTopicOf(def!.topic), type).toBe(`partners.${def!.topic}`);
    }
    expect(publicTopicOf(topics.accountsCustomer)).toBeUndefined();
    expect(publicTopicOf(topics.accountsMail)).toBeUndefined();
    expect(publicTopicOf(topics.notificationsPartner)).toBeUndefined();
  });
});
