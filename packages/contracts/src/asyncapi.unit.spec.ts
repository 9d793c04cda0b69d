import { describe, expect, it } from 'vitest';
import { buildAsyncApiDocument } from './asyncapi.js';
import { eventDefinitions } from './registry.js';

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
});
