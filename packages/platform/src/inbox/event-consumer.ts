import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { EventEnvelope } from '@vitrine/contracts';
import type { EventBus, IncomingMessage, Subscription } from '../bus/event-bus.js';
import { acceptRequestId, requestIdHeader, withRequestId } from '../context/request-context.js';
import { crashPoint, type CrashPoint } from '../process/crash-point.js';
import { DeadLetter } from './dead-letter.entity.js';
import type { EventHandler } from './event-handler.js';
import { parseEvent } from './parse-event.js';
import { loadReplayMarks, replayVerdict, type ReplayMarks } from './replay-marks.js';

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
 * savepoint of its own (see consumeBatch): one commit for the lot. Where an
 * operator replayed topics to the group (replay.ts), the messages it had
 * consumed before are applied again for the replayed types only.
 */
export async function startEventConsumer(options: EventConsumerOptions): Promise<Subscription> {
  const { bus, handlers, topicPrefix = '' } = options;
  const topics = [...new Set(handlers.map((h) => topicPrefix + h.definition.topic))];
  await bus.ensureTopics(topics);
  const attempts = new Map<string, number>();
  // Fault injection (off unless the fault tier asks): dies once effects committed, before the bus commits their offsets.
  const crashAfterEffect = crashPoint('event-consumer:after-effect');
  // Read with the first messages, once this instance consumes: a replay is refused from then on, so none can
  // move the group after the marks were read (read at start, a replay between start and the first fetch would be missed).
  let marks: Promise<ReplayMarks> | undefined;
  const replayMarks = () => {
    marks ??= loadReplayMarks(options.orm.em.fork(), options.schema, options.groupId).catch((err: unknown) => {
      marks = undefined;
      throw err;
    });
    return marks;
  };
  return bus.subscribe({
    groupId: options.groupId,
    topics,
    handle: async (message) => {
      const replayed = await replayMarks();
      await withRequestId(acceptRequestId(message.headers[requestIdHeader]), () => consumeOne(options, replayed, message, attempts, crashAfterEffect));
    },
    handleBatch: async (messages) => consumeBatch(options, await replayMarks(), messages, crashAfterEffect),
  });
}

/**
 * The messages the bus fetched together, applied in one transaction with
 * exactly the effects one-at-a-time would have. First at once: every inbox
 * row in one statement, then each event in delivery order in a fork with an
 * empty identity map (it reads afresh, as a transaction of its own would),
 * flushed before the next; consecutive events of one event set (`onSet`)
 * with one set-based load. No savepoints: each costs two statements per
 * event, and a batch almost never fails. If anything fails, that transaction
 * is rolled back whole and the batch is applied again in savepoints
 * (inSavepoints), which isolates the event that fails.
 */
async function consumeBatch(
  options: EventConsumerOptions,
  marks: ReplayMarks,
  messages: readonly IncomingMessage[],
  crashAfterEffect: CrashPoint,
): Promise<number> {
  const runnable: Runnable[] = [];
  for (const message of messages) {
    const parsed = parseEvent(message.value, handles(options));
    if (!parsed.ok) break;
    runnable.push({ message, envelope: parsed.envelope, ...routeOf(options, marks, message, parsed.envelope) });
  }
  if (runnable.length === 0) return 0;
  let outcome = await atOnce(options, runnable).catch((err: unknown) => {
    options.logger.debug({ err, size: runnable.length }, 'a batch failed as a whole; applying it again event by event');
    return undefined;
  });
  outcome ??= await inSavepoints(options, runnable);
  if (outcome.applied.length > 0) crashAfterEffect(() => ({ schema: options.schema, messages: outcome.applied.map(crashDetails) }));
  return outcome.handled;
}

interface BatchOutcome {
  /** How many messages, from the first, are done with (applied, or none of this consumer's business). */
  handled: number;
  /** The messages whose effects committed. */
  applied: IncomingMessage[];
}

async function atOnce(options: EventConsumerOptions, runnable: readonly Runnable[]): Promise<BatchOutcome> {
  const handled = ours(runnable);
  // None of them this consumer's business (other consumers' types on a shared topic): no transaction to open.
  if (handled.length === 0) return { handled: runnable.length, applied: [] };
  const applied: IncomingMessage[] = [];
  await options.orm.em.fork().transactional(async (tx) => {
    // `delete` below also drops a second delivery of one event within the batch.
    const claimed = handled.length > 0 ? await claimInbox(options, tx, handled) : new Set<string>();
    for (let i = 0; i < runnable.length;) {
      const run = setRun(runnable, i);
      if (run.length > 0) {
        const fresh = run.filter((r) => claimed.delete(r.envelope.id));
        if (fresh.length > 0) await applySetIn(tx.fork({ clear: true, keepTransactionContext: true }), fresh);
        applied.push(...fresh.map((r) => r.message));
        i += run.length;
        continue;
      }
      const { message, envelope, handler } = runnable[i++]!;
      if (!handler || !claimed.delete(envelope.id)) continue;
      const em = tx.fork({ clear: true, keepTransactionContext: true });
      await withRequestId(acceptRequestId(message.headers[requestIdHeader]), async () => {
        await handler.handle(envelope, em);
        await em.flush();
      });
      applied.push(message);
    }
  });
  return { handled: runnable.length, applied };
}

/**
 * The batch again, each event's inbox row and effect in a savepoint (a run of
 * one event set in one). It stops before the first event it cannot apply (its
 * savepoint rolled back) and commits what came before; the bus hands that
 * message to consumeOne, which retries or parks it as usual.
 */
async function inSavepoints(options: EventConsumerOptions, runnable: readonly Runnable[]): Promise<BatchOutcome> {
  const { orm, logger } = options;
  let handled = 0;
  const applied: IncomingMessage[] = [];
  await orm.em.fork().transactional(async (tx) => {
    // After a set failed, its events go one at a time (the one that fails is then retried on its own).
    let singlyUntil = 0;
    for (let i = 0; i < runnable.length;) {
      const { message, envelope, handler } = runnable[i]!;
      const run = i >= singlyUntil ? setRun(runnable, i) : [];
      if (run.length > 1) {
        if (await applySet(options, tx, run)) {
          applied.push(...ours(run).map((r) => r.message));
          handled += run.length;
          i += run.length;
          continue;
        }
        singlyUntil = i + run.length;
      }
      if (handler) {
        try {
          await withRequestId(acceptRequestId(message.headers[requestIdHeader]), () =>
            tx.transactional((em) => applyOnce(options, em, runnable[i]!), { clear: true }),
          );
        } catch (err) {
          logger.warn({ err, eventId: envelope.id, type: envelope.type }, 'event handler failed in a batch; it is retried on its own');
          return;
        }
        applied.push(message);
      }
      handled++;
      i++;
    }
  });
  return { handled, applied };
}

/** This consumer's handler for an event type and version, if it has one. */
function handlerFor(options: EventConsumerOptions, type: string, version: number): EventHandler | undefined {
  return options.handlers.find((h) => h.definition.type === type && h.definition.version === version);
}

/** Which events this consumer applies: the only ones whose data it reads (parseEvent). */
function handles(options: EventConsumerOptions): (type: string, version: number) => boolean {
  return (type, version) => handlerFor(options, type, version) !== undefined;
}

/** The messages this consumer has a handler for. */
const ours = (runnable: readonly Runnable[]) => runnable.filter((r) => r.handler);

interface Runnable extends Route {
  message: IncomingMessage;
  envelope: EventEnvelope;
}

interface Route {
  /** Undefined: another consumer's event on a shared topic, or one a replay passes over. */
  handler: EventHandler | undefined;
  /** Replayed: applied even though the inbox already has it (its handler is idempotent). */
  reapply: boolean;
}

function routeOf(options: EventConsumerOptions, marks: ReplayMarks, message: IncomingMessage, envelope: EventEnvelope): Route {
  const verdict = replayVerdict(marks, message, envelope.type);
  if (verdict === 'skip') return { handler: undefined, reapply: false };
  const handler = handlerFor(options, envelope.type, envelope.version);
  return { handler, reapply: verdict === 'reapply' };
}

/**
 * The messages from `from` on whose handlers belong to the same event set (none when its handler has no set),
 * with the messages between them that this consumer has no handler for: those have no effect, so a set's run goes
 * on past them (on orders' topic, accounts follows two of the seven types an order's life puts there: stopping at
 * each other type cut its runs down to one event). Its last message is one of the set's.
 */
function setRun(runnable: readonly Runnable[], from: number): Runnable[] {
  const set = runnable[from]!.handler?.set;
  if (!set) return [];
  let end = from + 1;
  for (let to = from + 1; to < runnable.length; to++) {
    const handler = runnable[to]!.handler;
    if (handler?.set === set) end = to + 1;
    else if (handler) break;
  }
  return runnable.slice(from, end);
}

/**
 * A run of one event set in one savepoint: every inbox row in one statement,
 * then the set's use case on the events not seen before (a redelivered one is
 * left out, as applyOnce would). False (and nothing kept) when it failed.
 */
async function applySet(options: EventConsumerOptions, tx: EntityManager, run: readonly Runnable[]): Promise<boolean> {
  try {
    await tx.transactional(
      async (em) => {
        const claimed = await claimInbox(options, em, ours(run));
        // `delete` also drops a second delivery of one event within the run.
        const fresh = run.filter((r) => claimed.delete(r.envelope.id));
        if (fresh.length > 0) await applySetIn(em, fresh);
      },
      { clear: true },
    );
    return true;
  } catch (err) {
    options.logger.warn({ err, size: run.length, type: run[0]!.envelope.type }, 'event set failed; its events are applied one at a time');
    return false;
  }
}

/** The set's use case on `run` (all of one set, inbox rows claimed), each event in its own request context, flushed. */
async function applySetIn(em: EntityManager, run: readonly Runnable[]): Promise<void> {
  const headers = new Map(run.map((r) => [r.envelope.id, r.message.headers]));
  await run[0]!.handler!.set!.loadAndApply(
    run.map((r) => r.envelope),
    em,
    (event, apply) => withRequestId(acceptRequestId(headers.get(event.id)?.[requestIdHeader]), apply),
  );
  await em.flush();
}

/**
 * Inbox rows for these events in one statement; the ids to apply: those not
 * there yet, and the replayed ones (whose rows it only touches).
 */
async function claimInbox(options: EventConsumerOptions, em: EntityManager, runnable: readonly Runnable[]): Promise<Set<string>> {
  const envelopes = [...new Map(runnable.map((r) => [r.envelope.id, r.envelope])).values()];
  const again = [...new Set(runnable.filter((r) => r.reapply).map((r) => r.envelope.id))];
  const onConflict =
    again.length > 0 ? `do update set processed_at = excluded.processed_at where inbox.event_id in (${again.map(() => '?').join(', ')})` : 'do nothing';
  const rows = await em.execute<{ event_id: string }[]>(
    `insert into "${options.schema}".inbox_processed_event as inbox (event_id, type, processed_at) values ${envelopes.map(() => '(?, ?, now())').join(', ')}
     on conflict (event_id) ${onConflict} returning event_id`,
    [...envelopes.flatMap((e) => [e.id, e.type]), ...again],
  );
  return new Set(rows.map((r) => r.event_id));
}

/** The inbox row, then the effect: an event already in the inbox (a redelivery) has none, unless replayed. */
async function applyOnce(options: EventConsumerOptions, em: EntityManager, runnable: Runnable): Promise<void> {
  const claimed = await claimInbox(options, em, [runnable]);
  if (claimed.size === 0) return;
  await runnable.handler!.handle(runnable.envelope, em);
}

async function consumeOne(
  options: EventConsumerOptions,
  marks: ReplayMarks,
  message: IncomingMessage,
  attempts: Map<string, number>,
  crashAfterEffect: CrashPoint,
) {
  const { orm, logger, maxAttempts = 10 } = options;
  const parsed = parseEvent(message.value, handles(options));
  if (!parsed.ok) {
    // Parked when it was first consumed.
    if (replayVerdict(marks, message, '') === 'skip') return;
    logger.warn({ topic: message.topic, offset: message.offset, reason: parsed.reason }, 'invalid event parked');
    await park(orm, message, parsed.reason, parsed.error);
    return;
  }
  const { envelope } = parsed;
  const runnable: Runnable = { message, envelope, ...routeOf(options, marks, message, envelope) };
  if (!runnable.handler) return; // another consumer's event on a shared topic, or one a replay passes over

  const attemptKey = `${message.topic}:${message.partition}:${message.offset}`;
  try {
    await orm.em.fork().transactional((em) => applyOnce(options, em, runnable));
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
