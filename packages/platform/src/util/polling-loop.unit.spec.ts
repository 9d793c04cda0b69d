import { describe, expect, it, vi } from 'vitest';
import { PollingLoop } from './polling-loop.js';

const tick = () => new Promise((r) => setTimeout(r, 20));
/** Waits for a condition, however slow the machine, rather than a fixed time. */
const until = (check: () => boolean) => vi.waitFor(() => expect(check()).toBe(true), { timeout: 5_000, interval: 5 });

describe('PollingLoop', () => {
  it('runs rounds back to back while there is more, then waits until woken', async () => {
    let calls = 0;
    const loop = new PollingLoop({ round: async () => ++calls < 4, pollMs: 60_000, maxBackoffMs: 60_000, onFailure: () => {} });
    loop.start();
    await until(() => calls === 4);
    // The fourth round said "no more": the next one waits for the wake-up, not for the minute's poll.
    loop.wake();
    await until(() => calls === 5);
    await loop.stop();
    expect(calls).toBe(5);
  });

  it('once woken, lingers before its round: wakes that come meanwhile are served by that one round', async () => {
    let calls = 0;
    const loop = new PollingLoop({
      round: async () => {
        calls += 1;
        return false;
      },
      pollMs: 60_000,
      maxBackoffMs: 60_000,
      onFailure: () => {},
      lingerMs: 300,
    });
    loop.start();
    await until(() => calls === 1); // the first round runs at start, without lingering
    loop.wake();
    await tick();
    loop.wake();
    loop.wake();
    expect(calls).toBe(1); // still lingering
    await until(() => calls === 2);
    // The wakes during the linger were latched: one more round for them, then the loop sleeps.
    await until(() => calls === 3);
    await new Promise((r) => setTimeout(r, 400));
    await loop.stop();
    expect(calls).toBe(3);
  });

  it('paces woken rounds under load: no sooner than paceMs after the previous began; idle, the linger alone', async () => {
    const startedAt: number[] = [];
    const loop = new PollingLoop({
      round: async () => {
        startedAt.push(Date.now());
        return false;
      },
      pollMs: 60_000,
      maxBackoffMs: 60_000,
      onFailure: () => {},
      lingerMs: 5,
      paceMs: 250,
    });
    loop.start();
    await until(() => startedAt.length === 1);
    // Wakes as fast as commits under load: each round waits for the pace, and takes every wake that came meanwhile.
    const waking = setInterval(() => loop.wake(), 10);
    await until(() => startedAt.length === 4);
    clearInterval(waking);
    const gaps = startedAt.slice(1, 4).map((at, i) => at - startedAt[i]!);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(245);
    // Idle long enough that the pace is past: a wake is served after the linger, not a pace later.
    await new Promise((r) => setTimeout(r, 400));
    const before = startedAt.length;
    const wokenAt = Date.now();
    loop.wake();
    await until(() => startedAt.length === before + 1);
    expect(startedAt.at(-1)! - wokenAt).toBeLessThan(200);
    await loop.stop();
  });

  it('reports each failure with the count so far, and starts over after a success', async () => {
    const seen: number[] = [];
    let calls = 0;
    const loop = new PollingLoop({
      round: async () => {
        calls += 1;
        if (calls <= 2) throw new Error('database down');
        return false;
      },
      pollMs: 1,
      maxBackoffMs: 5,
      onFailure: (_err, failures) => seen.push(failures),
    });
    loop.start();
    await until(() => calls >= 3);
    await loop.stop();
    expect(seen).toEqual([1, 2]);
  });

  it('stop lets the round in hand finish, then runs no more', async () => {
    let release!: () => void;
    let calls = 0;
    const loop = new PollingLoop({
      round: () => {
        calls += 1;
        return new Promise<boolean>((resolve) => (release = () => resolve(true)));
      },
      pollMs: 1,
      maxBackoffMs: 1,
      onFailure: () => {},
    });
    loop.start();
    await until(() => calls === 1);
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    await tick();
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(calls).toBe(1);
  });
});
