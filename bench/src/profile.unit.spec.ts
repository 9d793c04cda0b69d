import { describe, expect, it } from 'vitest';
import { areaOf, summarizeProfiles } from './profile.js';

const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: 9 });

describe('CPU profile summary', () => {
  it('names a frame by its package, our workspace folder or Node', () => {
    expect(areaOf('file:///repo/node_modules/@mikro-orm/core/entity/EntityFactory.js')).toBe('@mikro-orm/core');
    expect(areaOf('file:///repo/node_modules/graphql/execution/execute.js')).toBe('graphql');
    expect(areaOf('file:///repo/services/orders/dist/use-cases/checkout.js')).toBe('services/orders');
    expect(areaOf('file:///repo/gateway/dist/main.js')).toBe('gateway');
    expect(areaOf('node:internal/streams/readable')).toBe('node:internal');
    expect(areaOf('')).toBe('V8 / native');
  });

  it('sums self time per function and per package over several profiles, leaving idle and garbage collection out of the shares', () => {
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('(root)') },
        { id: 2, callFrame: frame('(idle)') },
        { id: 3, callFrame: frame('execute', 'file:///r/node_modules/graphql/execution/execute.js') },
        { id: 4, callFrame: frame('hydrate', 'file:///r/node_modules/@mikro-orm/core/hydration.js') },
        { id: 5, callFrame: frame('(garbage collector)') },
      ],
      samples: [2, 3, 3, 4, 5, 2],
      timeDeltas: [1000, 1000, 1000, 2000, 500, 1000],
      startTime: 0,
      endTime: 10_000,
    };
    const summary = summarizeProfiles('orders', [profile, profile]);
    expect(summary).toMatchObject({ process: 'orders', wallMs: 20, busyMs: 8, gcMs: 1 });
    expect(summary.topFunctions).toEqual([
      { frame: 'execute (graphql execute.js:10)', ms: 4, share: 0.5 },
      { frame: 'hydrate (@mikro-orm/core hydration.js:10)', ms: 4, share: 0.5 },
    ]);
    expect(summary.topAreas.map((a) => a.frame)).toEqual(['graphql', '@mikro-orm/core']);
  });
});
