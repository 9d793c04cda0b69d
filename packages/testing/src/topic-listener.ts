import { randomUUID } from 'node:crypto';
import { createKafkaBus, type EventBus, type Subscription } from '@vitrine/platform';
import { kafkaBrokers } from './test-infra.js';

export interface TopicListener {
  /** Envelopes received so far, in arrival order. */
  received: { id: string; type: string; subject: string; data: any }[];
  stop(): Promise<void>;
}

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

/** Reads one of a test file's topics (under its topic prefix) straight off the real Kafka broker, in its own consumer group. */
export async function listenToTopic(where: { topicPrefix: string }, topic: string): Promise<TopicListener> {
  const bus: EventBus = await createKafkaBus({ brokers: kafkaBrokers(), clientId: `listener-${randomUUID()}`, logger: quiet });
  const received: TopicListener['received'] = [];
  const fullTopic = where.topicPrefix + topic;
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
