/** What one probe of a subgraph's `/ready` found. */
export type ProbeOutcome =
  /** 200: ready, or degraded but serving (its events wait in the outbox). */
  | { readonly kind: 'serving' }
  /** 503: the subgraph says it cannot serve (its database is down, or it is draining). */
  | { readonly kind: 'not-serving'; readonly reason: string }
  /** Refused or cut: no process behind the port (killed, restarting). */
  | { readonly kind: 'unreachable'; readonly reason: string }
  /** No answer in time: slow or hung, which a busy subgraph also is. */
  | { readonly kind: 'silent' }
  /** Any other answer (no readiness endpoint): not evidence of an outage. */
  | { readonly kind: 'inconclusive'; readonly reason: string };

export interface RouteState {
  readonly routed: boolean;
  /** When `routed` last changed (ms since the epoch). */
  readonly since: number;
  /** Why it is not routed. */
  readonly reason?: string;
  /** Probes in a row that got no answer in time. */
  readonly silentProbes: number;
}

export function initialRouteState(now: number): RouteState {
  // Routed until a probe says otherwise: the gateway must not refuse traffic while it starts.
  return { routed: true, since: now, silentProbes: 0 };
}

/**
 * The gateway stops routing to a subgraph on evidence that it cannot serve: its
 * own 503, or nothing listening. A probe that times out is not enough on its
 * own (under a drop-day load a healthy subgraph answers late): only
 * `maxSilentProbes` of them in a row, which a live process would not produce.
 */
export function nextRouteState(state: RouteState, outcome: ProbeOutcome, now: number, maxSilentProbes: number): RouteState {
  switch (outcome.kind) {
    case 'serving':
    case 'inconclusive':
      return state.routed && state.silentProbes === 0 ? state : { routed: true, since: state.routed ? state.since : now, silentProbes: 0 };
    case 'not-serving':
    case 'unreachable':
      return unrouted(state, outcome.reason, now, 0);
    case 'silent': {
      const silentProbes = state.silentProbes + 1;
      if (silentProbes < maxSilentProbes) return { ...state, silentProbes };
      return unrouted(state, `no answer to ${silentProbes} readiness probes in a row`, now, silentProbes);
    }
  }
}

function unrouted(state: RouteState, reason: string, now: number, silentProbes: number): RouteState {
  return { routed: false, since: state.routed ? now : state.since, reason, silentProbes };
}
