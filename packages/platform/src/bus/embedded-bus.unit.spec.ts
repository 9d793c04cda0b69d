import { describe, expect, it } from 'vitest';
import { concerns, notifiedChannels, topicChannel } from './embedded-bus.js';

const message = (topic: string) => ({ topic, key: 'k', value: '{}', headers: {} });

describe('embedded bus notifications', () => {
  it('go to one channel per topic that got messages, once each', () => {
    expect(notifiedChannels([message('orders'), message('catalog.product'), message('orders')])).toEqual([
      topicChannel('orders'),
      topicChannel('catalog.product'),
    ]);
  });

  it('name a channel PostgreSQL takes unquoted and whole, whatever the topic (test prefixes included)', () => {
    const long = `${'a-rather-long-run-prefix-'.repeat(4)}.orders.order.v1`;
    for (const topic of ['orders.order.v1', long, 'Orders.Order.V1']) {
      expect(topicChannel(topic)).toMatch(/^[a-z_][a-z0-9_]{0,62}$/);
    }
    expect(topicChannel('orders.order.v1')).not.toBe(topicChannel('orders.order.v2'));
    expect(topicChannel('orders.order.v1')).toBe(topicChannel('orders.order.v1'));
  });

  it('on the shared channel (a publisher from before topic channels), wake only the subscriptions reading one of the topics; an empty payload wakes every one', () => {
    const reads = new Set(['orders', 'payments']);
    expect(concerns('catalog.product,payments', reads)).toBe(true);
    expect(concerns('catalog.product,accounts', reads)).toBe(false);
    expect(concerns('', reads)).toBe(true);
    expect(concerns(undefined, reads)).toBe(true);
  });
});
