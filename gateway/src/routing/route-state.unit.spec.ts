import { describe, expect, it } from 'vitest';
import { initialRouteState, nextRouteState, type RouteState } from './route-state.js';

const start = initialRouteState(1000);

describe('nextRouteState', () => {
  it('starts routed', () => {
    expect(start).toEqual({ routed: true, since: 1000, silentProbes: 0 });
  });

  it("stops routing at once on the subgraph's own 503, or on nobody listening", () => {
    expect(nextRouteState(start, { kind: 'not-serving', reason: 'database down' }, 2000, 3)).toEqual({
      routed: false,
      since: 2000,
      reason: 'database down',
      silentProbes: 0,
    });
    expect(nextRouteState(start, { kind: 'unreachable', reason: 'ECONNREFUSED' }, 2000, 3).routed).toBe(false);
  });

  it('keeps routing through slow answers until too many in a row', () => {
    let state: RouteState = start;
    state = nextRouteState(state, { kind: 'silent' }, 2000, 3);
    state = nextRouteState(state, { kind: 'silent' }, 3000, 3);
    expect(state).toMatchObject({ routed: true, silentProbes: 2 });
    state = nextRouteState(state, { kind: 'serving' }, 4000, 3);
    expect(state).toEqual({ routed: true, since: 1000, silentProbes: 0 });
    for (const at of [5000, 6000, 7000]) state = nextRouteState(state, { kind: 'silent' }, at, 3);
    expect(state).toMatchObject({ routed: false, since: 7000, silentProbes: 3 });
  });

  it('routes again on the first answer that it serves, and keeps when it stopped', () => {
    const down = nextRouteState(start, { kind: 'unreachable', reason: 'ECONNREFUSED' }, 2000, 3);
    const stillDown = nextRouteState(down, { kind: 'not-serving', reason: 'database down' }, 3000, 3);
    expect(stillDown).toMatchObject({ routed: false, since: 2000, reason: 'database down' });
    expect(nextRouteState(stillDown, { kind: 'serving' }, 4000, 3)).toEqual({ routed: true, since: 4000, silentProbes: 0 });
  });

  it('does not take a subgraph without a readiness endpoint out of routing', () => {
    expect(nextRouteState(start, { kind: 'inconclusive', reason: 'HTTP 404' }, 2000, 3)).toBe(start);
  });
});
