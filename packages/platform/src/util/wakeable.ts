/** A sleep that another part of the process can cut short. */
export class Wakeable {
  private waiter: (() => void) | undefined;
  private pending = false;

  wake(): void {
    if (this.waiter) {
      const resolve = this.waiter;
      this.waiter = undefined;
      resolve();
    } else {
      this.pending = true;
    }
  }

  /** Resolves true when woken (now or by a wake that came while nobody slept), false when the time ran out. */
  sleep(ms: number): Promise<boolean> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        resolve(false);
      }, ms);
      this.waiter = () => {
        clearTimeout(timer);
        resolve(true);
      };
    });
  }

  /**
   * Sleeps like `sleep`; once woken, waits `lingerMs` more, so what else is committed meanwhile is taken in the
   * same round (under load, one batch for many wakes). A wake during the linger is kept for the next sleep.
   * `notBefore` (epoch ms): once woken, waits at least until then too (a pace between rounds, see `paceFrom`).
   */
  async sleepThenLinger(ms: number, lingerMs: number, notBefore = 0): Promise<void> {
    if (!(await this.sleep(ms))) return;
    const wait = Math.max(lingerMs, notBefore - Date.now());
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/**
 * When a woken round may start, given when the last one started: `paceMs` after it. Under load, wakes come faster
 * than rounds: pacing them makes each round take what came meanwhile (a batch, one transaction, one notification
 * downstream) instead of one event per round. Idle, the last round is long past and a wake is served at once.
 */
export function paceFrom(lastRoundAt: number, paceMs: number): number {
  return paceMs > 0 ? lastRoundAt + paceMs : 0;
}
