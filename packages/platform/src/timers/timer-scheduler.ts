import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { withRequestId } from '../context/request-context.js';
import { refreshSandboxClock } from '../clock/sandbox-clock.js';
import { storeNow } from '../clock/store-clock.js';
import { PollingLoop } from '../util/polling-loop.js';
import { afterFailure, defaultTimerRetryPolicy, type TimerRetryPolicy } from './retry-policy.js';
import type { DueTimer, TimerHandler } from './timer-handler.js';

export interface TimerSchedulerOptions {
  orm: MikroORM;
  schema: string;
  handlers: TimerHandler[];
  logger: Logger;
  pollMs?: number;
  /** Due timers read per round; each is still fired in its own transaction. */
  batchSize?: number;
  retry?: Partial<TimerRetryPolicy>;
  /** How often to look for due timers of kinds nobody here handles (to warn about them). */
  unhandledCheckMs?: number;
  /** Outside production: read the store's sandbox clock before each round (another replica may have heard a move). */
  followSandboxClock?: boolean;
  /**
   * Kinds this scheduler may fire several of at once, with how many (a
   * handler that mostly waits on another system, e.g. an HTTP call). Every
   * other kind fires one timer at a time, in due order. A firing holds one
   * connection of `orm`'s pool for its transaction: size the pool for it.
   */
  concurrency?: Record<string, number>;
}

/** What one round did: `more` when it read a full batch and made progress, so the next round should not wait. */
export interface FiringRound {
  fired: number;
  failed: number;
  /** Timers of concurrent kinds it set firing without waiting for them (their outcome is not counted above). */
  started: number;
  more: boolean;
}

interface TimerRow {
  id: string;
  kind: string;
  key: string;
  /** Text from a raw query (or a Date, depending on the driver's type parsers). */
  due_at: string | Date;
  payload: Record<string, unknown>;
  attempts: number;
}

const pending = 'fired_at is null and dead_at is null';

const dueTimerOf = (row: TimerRow): DueTimer => ({
  id: row.id,
  kind: row.kind,
  key: row.key,
  dueAt: new Date(row.due_at),
  payload: row.payload,
  attempts: row.attempts,
});

/**
 * Fires due timers. Each timer is claimed with FOR UPDATE SKIP LOCKED and
 * marked fired in the transaction its handler runs in, so the handler's
 * writes (and the events it stages in the outbox) commit together with
 * "fired", or not at all: exactly one effect, however many schedulers run.
 * A failing handler's work rolls back; the failure is then recorded on its
 * own and the timer retried with backoff, until it is marked dead (kept,
 * logged at error level). Timers of kinds without a handler stay pending.
 *
 * Kinds given a concurrency above one fire alongside the round: up to that
 * many at once, each in its own transaction like any other, while the round
 * goes on; a finished one wakes the loop for the next. Handlers must already
 * bear concurrent firings of different keys (two schedulers do that anyway).
 */
export class TimerScheduler {
  private readonly loop: PollingLoop;
  private readonly handlers = new Map<string, TimerHandler>();
  private readonly retry: TimerRetryPolicy;
  private readonly table: string;
  private readonly warnedKinds = new Set<string>();
  private lastUnhandledCheck: number | undefined;
  /** Set by stop(): the batch in hand ends after the timer being fired. */
  private stopping = false;
  private lastCheck: Date | undefined;
  /** Per concurrent kind: its limit (kinds not here fire one at a time, awaited by the round). */
  private readonly limits = new Map<string, number>();
  /** Firings of concurrent kinds still running, by timer id. */
  private readonly inFlight = new Map<string, { kind: string; done: Promise<void> }>();

  constructor(private readonly options: TimerSchedulerOptions) {
    for (const handler of options.handlers) {
      if (this.handlers.has(handler.kind)) throw new Error(`two timer handlers for kind ${handler.kind}`);
      this.handlers.set(handler.kind, handler);
    }
    for (const [kind, limit] of Object.entries(options.concurrency ?? {})) {
      if (!Number.isInteger(limit) || limit < 1) throw new Error(`timer concurrency for kind ${kind} must be a positive integer: ${limit}`);
      if (limit > 1) this.limits.set(kind, limit);
    }
    this.retry = { ...defaultTimerRetryPolicy, ...options.retry };
    this.table = `"${options.schema}".scheduled_timer`;
    this.loop = new PollingLoop({
      round: async () => (await this.fireDue()).more,
      pollMs: options.pollMs ?? 1_000,
      maxBackoffMs: 30_000,
      onFailure: (err, failures) => options.logger.warn({ err, failures }, 'timer scheduler could not read due timers; will retry'),
    });
  }

  /** Starts polling, with a first round at once (timers that fell due while no scheduler ran). */
  start(): void {
    this.stopping = false;
    this.loop.start();
  }

  /** Finishes the timers in hand (concurrent ones included), fires no more. Unfired timers stay in the table for the next start. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.loop.stop();
    await Promise.all([...this.inFlight.values()].map((f) => f.done));
  }

  /**
   * The store time of the newest finished round that read every timer then due
   * (not cut short by its batch size, a concurrent kind at its limit, or by
   * stop(); with concurrent kinds, once the firings it started have finished):
   * each timer due by then, committed before that round began, has fired or
   * failed once. Tests wait on it to prove a deadline passed with nothing
   * fired, instead of sleeping.
   */
  get checkedThrough(): Date | undefined {
    return this.lastCheck;
  }

  /**
   * One round: reads a batch of due timers and fires each (those another
   * scheduler holds are skipped). Timers of a concurrent kind are set firing
   * without waiting, while the kind has room; a kind at its limit is left out
   * of the read, so its backlog does not keep other kinds' timers out of the batch.
   */
  async fireDue(): Promise<FiringRound> {
    await this.warnAboutUnhandledKinds();
    const round: FiringRound = { fired: 0, failed: 0, started: 0, more: false };
    if (this.handlers.size === 0) return round;
    const { orm, batchSize = 20 } = this.options;
    if (this.options.followSandboxClock) await refreshSandboxClock(orm.em.fork());
    const checkedAt = storeNow();
    const running = this.runningByKind();
    const kinds = [...this.handlers.keys()].filter((kind) => !this.limits.has(kind) || (running.get(kind) ?? 0) < this.limits.get(kind)!);
    // Timers being fired still read as pending to another transaction: not read again meanwhile.
    const busy = [...this.inFlight.keys()];
    const everyKind = kinds.length === this.handlers.size;
    const due =
      kinds.length === 0
        ? []
        : await orm.em
            .fork()
            .execute<{ id: string; kind: string }[]>(
              `select id, kind from ${this.table} where ${pending} and due_at <= ?::timestamptz and kind in (?)${busy.length > 0 ? ' and id not in (?)' : ''} order by due_at, id limit ?`,
              [checkedAt.toISOString(), kinds, ...(busy.length > 0 ? [busy] : []), batchSize],
            );
    const startedNow: Promise<void>[] = [];
    let full = false;
    // Timers a batch of their kind took along, ahead of their place in the round.
    const batched = new Set<string>();
    for (const [index, { id, kind }] of due.entries()) {
      if (this.stopping) return round;
      if (batched.has(id)) continue;
      const limit = this.limits.get(kind);
      const handler = this.handlers.get(kind)!;
      if (limit === undefined && handler.handleBatch) {
        const ids = [
          id,
          ...due
            .slice(index + 1)
            .filter((t) => t.kind === kind)
            .map((t) => t.id),
        ].slice(0, handler.batchSize ?? 1);
        for (const taken of ids) batched.add(taken);
        const outcome = await withRequestId(`timer-${randomUUID()}`, () => this.fireBatch(handler, ids));
        round.fired += outcome.fired;
        round.failed += outcome.failed;
      } else if (limit === undefined) {
        const outcome = await withRequestId(`timer-${randomUUID()}`, () => this.fireOne(id));
        if (outcome !== 'skipped') round[outcome] += 1;
      } else if ((running.get(kind) ?? 0) < limit) {
        running.set(kind, (running.get(kind) ?? 0) + 1);
        startedNow.push(this.fireAlongside(id, kind));
        round.started += 1;
      } else {
        full = true; // the rest of this kind waits for a free place (a finished firing wakes the loop)
      }
    }
    round.more = due.length === batchSize && round.fired + round.failed + round.started > 0;
    // Only a read of every kind, with nothing of an earlier round still firing, covers every timer due then.
    if (due.length < batchSize && !full && everyKind && busy.length === 0) {
      if (startedNow.length === 0) this.lastCheck = checkedAt;
      else void Promise.all(startedNow).then(() => this.noteCheck(checkedAt));
    }
    return round;
  }

  private noteCheck(checkedAt: Date): void {
    if (!this.lastCheck || this.lastCheck < checkedAt) this.lastCheck = checkedAt;
  }

  private runningByKind(): Map<string, number> {
    const running = new Map<string, number>();
    for (const { kind } of this.inFlight.values()) running.set(kind, (running.get(kind) ?? 0) + 1);
    return running;
  }

  /** Fires one timer of a concurrent kind without holding up the round; never rejects. */
  private fireAlongside(id: string, kind: string): Promise<void> {
    const done = withRequestId(`timer-${randomUUID()}`, () => this.fireOne(id))
      .then(
        () => undefined,
        // The claim itself failed (the database): the timer stays pending for a later round.
        (err: unknown) => this.options.logger.warn({ err, timerId: id, kind }, 'could not claim a due timer; will retry'),
      )
      .finally(() => {
        this.inFlight.delete(id);
        this.loop.wake();
      });
    this.inFlight.set(id, { kind, done });
    return done;
  }

  /**
   * Fires timers of a batching kind: claimed in one statement, handled in one transaction. A batch that fails is
   * rolled back whole and its timers fired again one at a time, so only the one that fails counts a failed run.
   */
  private async fireBatch(handler: TimerHandler, ids: readonly string[]): Promise<{ fired: number; failed: number }> {
    if (ids.length === 1) {
      const outcome = await this.fireOne(ids[0]!);
      return { fired: outcome === 'fired' ? 1 : 0, failed: outcome === 'failed' ? 1 : 0 };
    }
    let claimed = undefined as DueTimer[] | undefined;
    try {
      await this.options.orm.em.fork().transactional(async (em) => {
        const rows = await em.execute<TimerRow[]>(
          `update ${this.table} set fired_at = now()
            where id in (select id from ${this.table} where id in (?) and ${pending} and due_at <= ?::timestamptz for update skip locked)
            returning id, kind, key, due_at, payload, attempts`,
          [ids, storeNow().toISOString()],
        );
        const timers = rows.map(dueTimerOf);
        // In due order, as they would have fired one by one.
        timers.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.id < b.id ? -1 : 1));
        claimed = timers;
        if (timers.length > 0) await handler.handleBatch!(timers, em);
      });
    } catch (err) {
      if (!claimed) throw err; // the claim itself failed: a database problem, for the loop to back off from
      this.options.logger.warn({ err, kind: handler.kind, size: claimed.length }, 'a batch of timers failed; firing them one at a time');
      const outcome = { fired: 0, failed: 0 };
      for (const timer of claimed) {
        if (this.stopping) break;
        const one = await this.fireOne(timer.id);
        if (one !== 'skipped') outcome[one] += 1;
      }
      return outcome;
    }
    return { fired: claimed?.length ?? 0, failed: 0 };
  }

  private async fireOne(id: string): Promise<'fired' | 'failed' | 'skipped'> {
    let claimed = undefined as DueTimer | undefined;
    try {
      await this.options.orm.em.fork().transactional(async (em) => {
        // Marked fired before the handler runs, so a handler that schedules the
        // same (kind, key) again arms a new timer instead of moving this one.
        const rows = await em.execute<TimerRow[]>(
          `update ${this.table} set fired_at = now()
            where id = (select id from ${this.table} where id = ? and ${pending} and due_at <= ?::timestamptz for update skip locked)
            returning id, kind, key, due_at, payload, attempts`,
          [id, storeNow().toISOString()],
        );
        const row = rows[0];
        if (!row) return; // another scheduler has it, or it was moved, cancelled or fired meanwhile
        const timer = dueTimerOf(row);
        claimed = timer;
        await this.handlers.get(timer.kind)!.handle(timer, em);
      });
    } catch (err) {
      if (!claimed) throw err; // the claim itself failed: a database problem, for the loop to back off from
      await this.recordFailure(claimed, err);
      return 'failed';
    }
    return claimed ? 'fired' : 'skipped';
  }

  /**
   * Runs after the handler's transaction rolled back. Guarded by the attempts
   * and due time it claimed: if the timer was rescheduled, cancelled or run by
   * another scheduler in between, that newer state wins.
   */
  private async recordFailure(timer: DueTimer, err: unknown): Promise<void> {
    const { orm, logger } = this.options;
    const next = afterFailure(timer.attempts, this.retry);
    const error = (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 4000);
    // The store's clock, like the due check, so a sandbox offset does not swallow the backoff.
    const outcome = next.dead ? 'dead_at = now()' : 'due_at = ?::timestamptz + make_interval(secs => ?)';
    const updated = await orm.em.fork().execute<{ id: string }[]>(
      `update ${this.table} set attempts = ?, last_error = ?, ${outcome}
        where id = ? and attempts = ? and due_at = ?::timestamptz and ${pending}
        returning id`,
      [next.attempts, error, ...(next.dead ? [] : [storeNow().toISOString(), next.retryInMs / 1000]), timer.id, timer.attempts, timer.dueAt.toISOString()],
    );
    const about = { err, timerId: timer.id, kind: timer.kind, key: timer.key, attempts: next.attempts };
    if (updated.length === 0) logger.warn(about, 'timer handler failed; the timer changed meanwhile, its new state stands');
    else if (next.dead) logger.error(about, 'timer handler kept failing; timer marked dead');
    else logger.warn({ ...about, retryInMs: next.retryInMs }, 'timer handler failed; will retry');
  }

  /** A deploy may bring the handler later, so such timers are left pending; said once per kind. */
  private async warnAboutUnhandledKinds(): Promise<void> {
    const { orm, logger, unhandledCheckMs = 60_000 } = this.options;
    const now = Date.now();
    if (this.lastUnhandledCheck !== undefined && now - this.lastUnhandledCheck < unhandledCheckMs) return;
    this.lastUnhandledCheck = now;
    const kinds = [...this.handlers.keys()];
    const rows = await orm.em.fork().execute<{ kind: string; due: string }[]>(
      `select kind, count(*) as due from ${this.table}
        where ${pending} and due_at <= ?::timestamptz ${kinds.length > 0 ? 'and kind not in (?)' : ''} group by kind`,
      kinds.length > 0 ? [storeNow().toISOString(), kinds] : [storeNow().toISOString()],
    );
    for (const row of rows) {
      if (this.warnedKinds.has(row.kind)) continue;
      this.warnedKinds.add(row.kind);
      logger.warn({ kind: row.kind, due: Number(row.due) }, 'due timers of a kind this service has no handler for; left pending');
    }
  }
}
