import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { kafkaBrokers } from '@vitrine/testing';
import type { EventBus, IncomingMessage, OutgoingMessage } from './event-bus.js';
import { createKafkaBus, type KafkaBusLogger } from './kafka-bus.js';

// Unique per run and file: the broker may be shared with other test files and kept across runs.
const prefix = `kafka-bus-${Date.now().toString(36)}-${process.pid}`;
const logs: { level: string; msg?: string; o: object }[] = [];
const logger: KafkaBusLogger = {
  info: (o, msg) => logs.push({ level: 'info', o, msg }),
  warn: (o, msg) => logs.push({ level: 'warn', o, msg }),
  error: (o, msg) => logs.push({ level: 'error', o, msg }),
};
const eventually = { timeout: 30_000, interval: 50 };

let brokers: string[];
let bus: EventBus;

beforeAll(async () => {
  // The monorepo's global setup always provides the shared broker (also when this file runs alone).
  brokers = kafkaBrokers();
  bus = await createKafkaBus({ brokers, clientId: 'kafka-bus-test', logger });
});

afterAll(async () => {
  await bus?.close();
});

function message(topic: string, value: string, headers: Record<string, string> = {}): OutgoingMessage {
  return { topic, key: 'order-1', value, headers };
}

describe('KafkaBus', () => {
  it('delivers messages with the same key in order, with their headers', async () => {
    const topic = `${prefix}.ordered`;
    await bus.ensureTopics([topic]);
    await bus.ensureTopics([topic, topic]); // idempotent

    const received: IncomingMessage[] = [];
    const subscription = await bus.subscribe({
      groupId: `${prefix}-ordered`,
      topics: [topic],
      handle: async (m) => {
        received.push(m);
      },
    });
    const headers = (i: number) => ({ 'event-type': 'OrderPlaced', 'event-id': `evt-${i}`, note: 'façade ✓' });
    await bus.publish([message(topic, JSON.stringify({ i: 1 }), headers(1))]);
    await bus.publish([2, 3].map((i) => message(topic, JSON.stringify({ i }), headers(i))));

    await vi.waitFor(() => expect(received).toHaveLength(3), eventually);
    await subscription.stop();

    expect(received.map((m) => JSON.parse(m.value).i)).toEqual([1, 2, 3]);
    expect(received.map((m) => m.headers)).toEqual([1, 2, 3].map(headers));
    expect(new Set(received.map((m) => m.partition)).size).toBe(1);
    expect(received.map((m) => m.key)).toEqual(['order-1', 'order-1', 'order-1']);
    const offsets = received.map((m) => BigInt(m.offset));
    expect(offsets).toEqual([...offsets].sort((a, b) => (a < b ? -1 : 1)));
  });

  it('retries a message whose handler throws, without skipping or reordering', async () => {
    const topic = `${prefix}.retry`;
    await bus.ensureTopics([topic]);
    const attempts: string[] = [];
    let failed = false;
    const subscription = await bus.subscribe({
      groupId: `${prefix}-retry`,
      topics: [topic],
      handle: async (m) => {
        attempts.push(m.value);
        if (m.value === 'b' && !failed) {
          failed = true;
          throw new Error('transient failure');
        }
      },
    });
    await bus.publish(['a', 'b', 'c'].map((value) => message(topic, value)));

    await vi.waitFor(() => expect(attempts).toEqual(['a', 'b', 'b', 'c']), eventually);
    await subscription.stop();
    expect(logs.some((l) => l.level === 'error' && (l.o as { topic?: string }).topic === topic)).toBe(true);
  });

  it('does not redeliver committed messages to the same group after a restart', async () => {
    const topic = `${prefix}.commit`;
    const groupId = `${prefix}-commit`;
    await bus.ensureTopics([topic]);
    // Published before anyone subscribes: the group starts from the earliest offset by default.
    await bus.publish(['m1', 'm2'].map((value) => message(topic, value)));

    const first: string[] = [];
    const subscription = await bus.subscribe({ groupId, topics: [topic], handle: async (m) => void first.push(m.value) });
    await vi.waitFor(() => expect(first).toEqual(['m1', 'm2']), eventually);
    await subscription.stop();

    await bus.publish([message(topic, 'm3')]);
    const second: string[] = [];
    const again = await bus.subscribe({ groupId, topics: [topic], handle: async (m) => void second.push(m.value) });
    // One key, one partition, delivered in order: a wrongly redelivered m1 or m2 would have come before m3.
    await vi.waitFor(() => expect(second).toContain('m3'), eventually);
    await again.stop();
    expect(second).toEqual(['m3']);
  });

  it('stops promptly while a handler keeps failing, and leaves that message uncommitted', async () => {
    const topic = `${prefix}.failing`;
    const groupId = `${prefix}-failing`;
    await bus.ensureTopics([topic]);
    await bus.publish([message(topic, 'x')]);

    let attempts = 0;
    const failing = await bus.subscribe({
      groupId,
      topics: [topic],
      handle: async () => {
        attempts += 1;
        throw new Error('still down');
      },
    });
    await vi.waitFor(() => expect(attempts).toBeGreaterThanOrEqual(2), eventually);
    const stopping = Date.now();
    await failing.stop();
    expect(Date.now() - stopping).toBeLessThan(5_000);

    const received: string[] = [];
    const healthy = await bus.subscribe({ groupId, topics: [topic], handle: async (m) => void received.push(m.value) });
    await vi.waitFor(() => expect(received).toEqual(['x']), eventually);
    await healthy.stop();
  });

  it('survives rebalances: every message is handled, in order per key within each member', async () => {
    const topic = `${prefix}.rebalance`;
    const groupId = `${prefix}-rebalance`;
    await bus.ensureTopics([topic]);
    const handled = new Map<string, { key: string; n: number }[]>([
      ['a', []],
      ['b', []],
    ]);
    const subscribe = (member: string) =>
      bus.subscribe({
        groupId,
        topics: [topic],
        handle: async (m) => {
          await new Promise((resolve) => setTimeout(resolve, 2));
          handled.get(member)!.push({ key: m.key!, n: Number(m.value) });
        },
      });
    const keys = ['k0', 'k1', 'k2', 'k3', 'k4', 'k5'];
    let n = 0;
    const publishRound = () => bus.publish(keys.flatMap((key) => [0, 1, 2, 3, 4].map(() => ({ topic, key, value: String(n++), headers: {} }))));
    const handledValues = () => new Set([...handled.values()].flat().map((h) => h.n));

    const a = await subscribe('a');
    await publishRound();
    const b = await subscribe('b'); // the group rebalances while a is busy
    await publishRound();
    await vi.waitFor(() => expect(handledValues().size).toBe(n), eventually);
    await a.stop(); // and again: b takes every partition
    await publishRound();
    await vi.waitFor(() => expect(handledValues().size).toBe(n), eventually);
    await b.stop();

    for (const entries of handled.values()) {
      for (const key of keys) {
        const sequence = entries.filter((e) => e.key === key).map((e) => e.n);
        expect(sequence).toEqual([...sequence].sort((x, y) => x - y));
        expect(new Set(sequence).size).toBe(sequence.length);
      }
    }
  });

  it('ping resolves against the broker and rejects against a closed port or a silent server', async () => {
    await expect(bus.ping()).resolves.toBeUndefined();

    // Reads requests (so it notices when the client hangs up) and never answers.
    const silent = createServer((socket) => socket.resume());
    const port = await new Promise<number>((resolve) => silent.listen(0, '127.0.0.1', () => resolve((silent.address() as AddressInfo).port)));
    const silentBus = await createKafkaBus({ brokers: [`127.0.0.1:${port}`], clientId: 'kafka-bus-test-silent', logger });
    try {
      const started = Date.now();
      await expect(silentBus.ping()).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await silentBus.close();
      silent.close();
    }

    await new Promise((resolve) => silent.once('close', resolve));
    const closedBus = await createKafkaBus({ brokers: [`127.0.0.1:${port}`], clientId: 'kafka-bus-test-down', logger });
    try {
      await expect(closedBus.ping()).rejects.toThrow();
    } finally {
      await closedBus.close();
    }
  });
});
