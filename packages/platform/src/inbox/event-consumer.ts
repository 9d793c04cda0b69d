import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { EventEnvelope } from '@vitrine/contracts';
import type { EventBus, IncomingMessage, Subscription } from '../bus/event-bus.js';
import { acceptRequestId, requestIdHeader, withRequestId } from '../context/request-context.js';
import { crashPoint, type CrashPoint } from '../process/crash-point.js';
import { DeadLetter } from './dead-letter.entity.js';
import type { EventHandler } from './event-handler.js';
import { parseEvent, type ParsedEvent } from './parse-event.js';

export interface EventConsumerOptions {
  orm: MikroORM;
  bus: EventBus;
  schema: string;
  /** One consumer group per service. */
  groupId: string;
  handlers: EventHandler[];
  logger: Logger;
  topicPrefix?: string;
  /** After this many failed attempts a message is parked instead of blocking its partition forever. */
  maxAttempts?: number;
}

/**
 * Subscribes a service's handlers. Each event's effect and its inbox row
 * commit in one transaction, so a redelivered event has no second effect;
 * invalid messages go to the dead-letter table and the consumer moves on.
 * Messages fetched together are applied in one transaction, each event in a
 * savepoint of its own (see consumeBatch): one commit for the lot.
 */
export async function startEventConsumer(options: EventConsumerOptions): Promise<Subscription> {
  const { bus, handlers, topicPrefix = '' } = options;
  const topics = [...new Set(handlers.map((h) => topicPrefix + h.definition.topic))];
  await bus.ensureTopics(topics);
  const attempts = new Map<string, number>();
  // Fault injection (off unless the fault tier asks): dies once effects committed, before the bus commits their offsets.
  const crashAfterEffect = crashPoint('event-consumer:after-effect');
  return bus.subscribe({
    groupId: options.groupId,
    topics,
    handle: (message) => withRequestId(acceptRequestId(message.headers[requestIdHeader]), () => consumeOne(options, message, attempts, crashAfterEffect)),
    handleBatch: (messages) => consumeBatch(options, messages, crashAfterEffect),
  });
}

/**
 * The messages the bus fetched together, applied in one transaction: each
 * event's inbox row and effect in a savepoint, in delivery order, so the
 * batch costs one commit instead of one per event, with exactly the effects
 * one-at-a-time would have (each event reads afresh: its savepoint works in
 * a fork with an empty identity map, as a transaction of its own would). It stops before the first message it cannot
 * apply (an invalid one, a handler that throws: its savepoint is rolled back)
 * and commits what came before; the bus hands that message to consumeOne,
 * which retries or parks it as usual. Returns how many it handled.
 */
async function consumeBatch(options: EventConsumerOptions, messages: readonly IncomingMessage[], crashAfterEffect: CrashPoint): Promise<number> {
  const { orm, handlers, logger } = options;
  const runnable: { message: IncomingMessage; parsed: Extract<ParsedEvent, { ok: true }> }[] = [];
  for (const message of messages) {
    const parsed = parseEvent(message.value);
    if (!parsed.ok) break;
    runnable.push({ message, parsed });
  }
  if (runnable.length === 0) return 0;
  let handled = 0;
  const applied: IncomingMessage[] = [];
  await orm.em.fork().transactional(async (tx) => {
    for (const { message, parsed } of runnable) {
      const { envelope } = parsed;
      const handler = handlers.find((h) => h.definition.type === envelope.type && h.definition.version === envelope.version);
      if (handler) {
        try {
          await withRequestId(acceptRequestId(message.headers[requestIdHeader]), () =>
            tx.transactional((em) => applyOnce(options, em, envelope, handler), { clear: true }),
          );
        } catch (err) {
          logger.warn({ err, eventId: envelope.id, type: envelope.type }, 'event handler failed in a batch; it is retried on its own');
          return;
        }
        applied.push(message);
      }
      handled++;
    }
  });
  if (applied.length > 0) crashAfterEffect(() => ({ schema: options.schema, messages: applied.map(crashDetails) }));
  return handled;
}

/** The inbox row, then the effect: an event already in the inbox (a redelivery) has none. */
async function applyOnce(options: EventConsumerOptions, em: EntityManager, envelope: EventEnvelope, handler: EventHandler): Promise<void> {
  const claimed = await em.execute<{ event_id: string }[]>(
    `insert into "${options.schema}".inbox_processed_event (event_id, type, processed_at) values (?, ?, now())
     on conflict (event_id) do nothing returning event_id`,
    [envelope.id, envelope.type],
  );
  if (claimed.length === 0) return;
  await handler.handle(envelope, em);
}

async function consumeOne(options: EventConsumerOptions, message: IncomingMessage, attempts: Map<string, number>, crashAfterEffect: CrashPoint) {
  const { orm, handlers, logger, maxAttempts = 10 } = options;
  const parsed = parseEvent(message.value);
  if (!parsed.ok) {
    logger.warn({ topic: message.topic, offset: message.offset, reason: parsed.reason }, 'invalid event parked');
    await park(orm, message, parsed.reason, parsed.error);
    return;
  }
  const { envelope } = parsed;
  const handler = handlers.find((h) => h.definition.type === envelope.type && h.definition.version === envelope.version);
  if (!handler) return; // another consumer's event on a shared topic

  const attemptKey = `${message.topic}:${message.partition}:${message.offset}`;
  try {
    await orm.em.fork().transactional((em) => applyOnce(options, em, envelope, handler));
    attempts.delete(attemptKey);
    crashAfterEffect(() => ({ schema: options.schema, messages: [crashDetails(message)] }));
  } catch (err) {
    const count = (attempts.get(attemptKey) ?? 0) + 1;
    attempts.set(attemptKey, count);
    if (count < maxAttempts) {
      logger.warn({ err, eventId: envelope.id, type: envelope.type, attempt: count }, 'event handler failed; will retry');
      throw err;
    }
    attempts.delete(attemptKey);
    logger.error({ err, eventId: envelope.id, type: envelope.type }, 'event handler kept failing; parked');
    await park(orm, message, 'HANDLER_FAILED', err instanceof Error ? `${err.name}: ${err.message}` : String(err));
  }
}

/** Where a message was (so a test can tell its redelivery) and which event it carried. */
function crashDetails(message: IncomingMessage) {
  const parsed = parseEvent(message.value);
  return { topic: message.topic, partition: message.partition, offset: message.offset, key: message.key, eventId: parsed.ok ? parsed.envelope.id : null };
}

async function park(orm: MikroORM, message: IncomingMessage, reason: string, error: string): Promise<void> {
  const em = orm.em.fork();
  em.persist(
    em.create(DeadLetter, {
      topic: message.topic,
      partition: message.partition,
      offset: message.offset,
      key: message.key,
      value: message.value,
      headers: message.headers,
      reason,
      error: error.slice(0, 4000),
    }),
  );
  await em.flush();
}
