import { randomUUID } from 'node:crypto';
import { createKafkaBus, type EventBus, type Subscription } from '@vitrine/platform';
import { kafkaBrokers } from '@vitrine/testing';
import type { CatalogStack } from './stack.js';

export interface TopicListener {
  /** Envelopes received so far, in arrival order. */
  received: { type: string; subject: string; data: any }[];
  stop(): Promise<void>;
}

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

/** Reads one of the stack's topics straight off the real Kafka broker, in its own consumer group. */
export async function listenToTopic(stack: CatalogStack, topic: string): Promise<TopicListener> {
  const bus: EventBus = await createKafkaBus({ brokers: kafkaBrokers(), clientId: `listener-${randomUUID()}`, logger: quiet });
  const received: TopicListener['received'] = [];
  const fullTopic = stack.topicPrefix + topic;
  await bus.ensureTopics([fullTopic]);
  const subscription: Subscription = await bus.subscribe({
    groupId: `listener-${randomUUID()}`,
    topics: [fullTopic],
    fromBeginning: true,
    handle: async (message) => void received.push(JSON.parse(message.value)),
  });
  return {
    received,
    async stop() {
      await subscription.stop();
      await bus.close();
    },
  };
}
