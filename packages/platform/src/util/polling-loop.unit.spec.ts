import { describe, expect, it } from 'vitest';
import { PollingLoop } from './polling-loop.js';

const tick = () => new Promise((r) => setTimeout(r, 20));

describe('PollingLoop', () => {
  it('runs rounds back to back while there is more, then waits until woken', async () => {
    let calls = 0;
    const loop = new PollingLoop({ round: async () => ++calls < 4, pollMs: 60_000, maxBackoffMs: 60_000, onFailure: () => {} });
    loop.start();
    await tick();
    expect(calls).toBe(4);
    loop.wake();
    await tick();
    expect(calls).toBe(5);
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
    await tick();
    await loop.stop();
    expect(seen).toEqual([1, 2]);
    expect(calls).toBeGreaterThanOrEqual(3);
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
    await tick();
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    await tick();
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(calls).toBe(1);
  });
});
