import { paceFrom, Wakeable } from './wakeable.js';

export interface PollingLoopOptions {
  /** One round of work; true when there is more to do at once (no wait before the next). */
  round: () => Promise<boolean>;
  /** Wait between rounds when idle. */
  pollMs: number;
  /** Longest wait after repeated failures (the wait doubles per failure from pollMs). */
  maxBackoffMs: number;
  onFailure: (err: unknown, failures: number) => void;
  /**
   * After being woken, wait this long before the round: what is committed meanwhile goes in the same round
   * (under load, one round for many wakes instead of one each). 0: at once.
   */
  lingerMs?: number;
  /** Once woken, a round starts no sooner than this after the previous one started (`paceFrom`). 0: no pace. */
  paceMs?: number;
}

/**
 * The loop behind the outbox relay and the timer scheduler: rounds back to
 * back while there is work, a poll interval when idle, capped exponential
 * backoff while rounds fail. `wake()` cuts a wait short; `stop()` lets the
 * round in hand finish.
 */
export class PollingLoop {
  private readonly signal = new Wakeable();
  private running = false;
  private loop: Promise<void> | undefined;

  constructor(private readonly options: PollingLoopOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  wake(): void {
    this.signal.wake();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.signal.wake();
    await this.loop;
    this.loop = undefined;
  }

  private async run(): Promise<void> {
    const { round, pollMs, maxBackoffMs, onFailure } = this.options;
    let failures = 0;
    while (this.running) {
      const lastRoundAt = Date.now();
      try {
        const more = await round();
        failures = 0;
        if (more) continue;
      } catch (err) {
        failures += 1;
        onFailure(err, failures);
      }
      if (!this.running) break;
      const waitMs = failures === 0 ? pollMs : Math.min(pollMs * 2 ** failures, maxBackoffMs);
      await this.signal.sleepThenLinger(waitMs, this.options.lingerMs ?? 0, paceFrom(lastRoundAt, this.options.paceMs ?? 0));
    }
  }
}
