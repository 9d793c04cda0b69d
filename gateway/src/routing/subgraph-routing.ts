import type { Logger } from 'pino';
import { initialRouteState, nextRouteState, type ProbeOutcome, type RouteState } from './route-state.js';

export interface SubgraphRouting {
  /** Whether requests are sent to this subgraph now; an unknown name is routed. */
  isRouted(name: string): boolean;
  /** Each subgraph's state, for `/ready` and logs. */
  view(): Record<string, { routed: boolean; since: string; reason?: string }>;
  stop(): void;
}

export interface SubgraphRoutingOptions {
  /** Between probes of a routed subgraph; a quarter of it while one is not routed, to route it again promptly. */
  readonly intervalMs: number;
  readonly log: Logger;
  readonly maxSilentProbes?: number;
  readonly probeTimeoutMs?: number;
}

/** Routes to every subgraph, always (readiness probing switched off). */
export const routeEverywhere: SubgraphRouting = { isRouted: () => true, view: () => ({}), stop: () => {} };

/**
 * Probes each subgraph's `/ready` in the background and keeps whether the
 * gateway routes to it: a subgraph that says it cannot serve (its database is
 * down, it is draining) or that nobody answers for is answered
 * SERVICE_UNAVAILABLE at once by the gateway, instead of every request
 * finding that out (or waiting on it) one by one.
 */
export function startSubgraphRouting(subgraphUrls: Readonly<Record<string, string>>, options: SubgraphRoutingOptions): SubgraphRouting {
  const states = new Map<string, RouteState>(Object.keys(subgraphUrls).map((name) => [name, initialRouteState(Date.now())]));
  const timers = new Map<string, NodeJS.Timeout>();
  let stopped = false;
  // Past a subgraph's own check timeouts (2 s): a busy subgraph answers late, and only a silent one counts against it.
  const probeTimeoutMs = options.probeTimeoutMs ?? 5000;

  const probeLoop = async (name: string, readyUrl: string): Promise<void> => {
    if (stopped) return;
    const before = states.get(name)!;
    const after = nextRouteState(before, await probe(readyUrl, probeTimeoutMs), Date.now(), options.maxSilentProbes ?? 3);
    if (stopped) return;
    states.set(name, after);
    if (before.routed && !after.routed) options.log.warn({ subgraph: name, reason: after.reason }, `not routing to ${name}: ${after.reason}`);
    if (!before.routed && after.routed) options.log.info({ subgraph: name, downForMs: after.since - before.since }, `routing to ${name} again`);
    const timer = setTimeout(() => void probeLoop(name, readyUrl), after.routed ? options.intervalMs : Math.max(50, options.intervalMs / 4));
    timer.unref();
    timers.set(name, timer);
  };
  for (const [name, url] of Object.entries(subgraphUrls)) void probeLoop(name, new URL('/ready', url).href);

  return {
    isRouted: (name) => states.get(name)?.routed ?? true,
    view: () =>
      Object.fromEntries(
        [...states].map(([name, s]) => [name, { routed: s.routed, since: new Date(s.since).toISOString(), ...(s.reason ? { reason: s.reason } : {}) }]),
      ),
    stop() {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
    },
  };
}

async function probe(readyUrl: string, timeoutMs: number): Promise<ProbeOutcome> {
  try {
    const response = await fetch(readyUrl, { signal: AbortSignal.timeout(timeoutMs) });
    const body = await response.text().catch(() => '');
    if (response.status === 200) return { kind: 'serving' };
    if (response.status === 503) return { kind: 'not-serving', reason: `not ready: ${statusOf(body)}` };
    return { kind: 'inconclusive', reason: `HTTP ${response.status}` };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') return { kind: 'silent' };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { kind: 'unreachable', reason: cause?.code ?? cause?.message ?? (error as Error).message };
  }
}

/** The subgraph's own status word (`unavailable`, `draining`), or its raw answer. */
function statusOf(body: string): string {
  try {
    const parsed = JSON.parse(body) as { status?: unknown };
    return typeof parsed.status === 'string' ? parsed.status : body.slice(0, 80);
  } catch {
    return body.slice(0, 80) || 'no reason given';
  }
}
