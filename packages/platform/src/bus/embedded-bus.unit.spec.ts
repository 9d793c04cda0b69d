import { describe, expect, it } from 'vitest';
import { concerns, notifiedTopics } from './embedded-bus.js';

const message = (topic: string) => ({ topic, key: 'k', value: '{}', headers: {} });

describe('embedded bus notifications', () => {
  it('name the topics that got messages, once each', () => {
    expect(notifiedTopics([message('orders'), message('catalog.product'), message('orders')])).toBe('orders,catalog.product');
  });

  it('wake only the subscriptions reading one of those topics; an empty payload wakes every one', () => {
    const reads = new Set(['orders', 'payments']);
    expect(concerns('catalog.product,payments', reads)).toBe(true);
    expect(concerns('catalog.product,accounts', reads)).toBe(false);
    expect(concerns('', reads)).toBe(true);
    expect(concerns(undefined, reads)).toBe(true);
  });

  it('fall back to waking everyone when the topics would not fit a notification', () => {
    const many = Array.from({ length: 400 }, (_, i) => message(`a-rather-long-topic-name-${i}`));
    expect(notifiedTopics(many)).toBe('');
  });
});
