import type { Logger } from 'pino';
import { initialRouteState, nextRouteState, type ProbeOutcome, type RouteState } from './route-state.js';

/** One replica as the gateway sees it, for `/ready` and logs. */
export interface ReplicaView {
  readonly url: string;
  readonly routed: boolean;
  readonly since: string;
  readonly reason?: string;
}

export interface SubgraphRouting {
  /** The replica to send the next request of this subgraph to (round robin over the routed ones); undefined: none is routed. */
  pick(name: string): string | undefined;
  /** Whether any replica of this subgraph is routed to now. */
  isRouted(name: string): boolean;
  /** Each subgraph's state and its replicas', for `/ready`. */
  view(): Record<string, { routed: boolean; replicas: ReplicaView[] }>;
  stop(): void;
}

export interface SubgraphRoutingOptions {
  /** Between probes of a routed replica; a quarter of it while one is not routed, to route it again promptly. */
  readonly intervalMs: number;
  readonly log: Logger;
  readonly maxSilentProbes?: number;
  readonly probeTimeoutMs?: number;
}

/** Routes to every replica, always (readiness probing switched off): round robin over all of them. */
export function routeEverywhere(replicas: Readonly<Record<string, readonly string[]>>): SubgraphRouting {
  const turns = new Map<string, number>();
  return {
    pick(name) {
      const urls = replicas[name];
      if (!urls?.length) return undefined;
      const turn = turns.get(name) ?? 0;
      turns.set(name, turn + 1);
      return urls[turn % urls.length];
    },
    isRouted: (name) => (replicas[name]?.length ?? 0) > 0,
    view: () => ({}),
    stop: () => {},
  };
}

/**
 * Probes each replica's `/ready` in the background and keeps whether the
 * gateway routes to it: a replica that says it cannot serve (its database is
 * down, it is draining) or that nobody answers for gets no requests; the
 * others share them. With no replica of a subgraph left, the gateway answers
 * SERVICE_UNAVAILABLE at once, instead of every request finding that out (or
 * waiting on it) one by one.
 */
export function startSubgraphRouting(replicas: Readonly<Record<string, readonly string[]>>, options: SubgraphRoutingOptions): SubgraphRouting {
  const states = new Map<string, Map<string, RouteState>>(
    Object.entries(replicas).map(([name, urls]) => [name, new Map(urls.map((url) => [url, initialRouteState(Date.now())]))]),
  );
  const turns = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;
  // Past a subgraph's own check timeouts (2 s): a busy subgraph answers late, and only a silent one counts against it.
  const probeTimeoutMs = options.probeTimeoutMs ?? 5000;

  const probeLoop = async (name: string, url: string): Promise<void> => {
    if (stopped) return;
    const replicaStates = states.get(name)!;
    const before = replicaStates.get(url)!;
    const after = nextRouteState(before, await probe(new URL('/ready', url).href, probeTimeoutMs), Date.now(), options.maxSilentProbes ?? 3);
    if (stopped) return;
    replicaStates.set(url, after);
    const which = replicaStates.size > 1 ? `${name} (${url})` : name;
    if (before.routed && !after.routed) options.log.warn({ subgraph: name, url, reason: after.reason }, `not routing to ${which}: ${after.reason}`);
    if (!before.routed && after.routed) options.log.info({ subgraph: name, url, downForMs: after.since - before.since }, `routing to ${which} again`);
    const timer = setTimeout(
      () => {
        timers.delete(timer);
        void probeLoop(name, url);
      },
      after.routed ? options.intervalMs : Math.max(50, options.intervalMs / 4),
    );
    timer.unref();
    timers.add(timer);
  };
  for (const [name, urls] of Object.entries(replicas)) for (const url of urls) void probeLoop(name, url);

  const routedUrls = (name: string) => [...(states.get(name) ?? [])].filter(([, s]) => s.routed).map(([url]) => url);
  return {
    pick(name) {
      const urls = routedUrls(name);
      if (urls.length === 0) return undefined;
      const turn = turns.get(name) ?? 0;
      turns.set(name, turn + 1);
      return urls[turn % urls.length];
    },
    isRouted: (name) => routedUrls(name).length > 0,
    view: () =>
      Object.fromEntries(
        [...states].map(([name, replicaStates]) => {
          const views = [...replicaStates].map(([url, s]) => ({
            url,
            routed: s.routed,
            since: new Date(s.since).toISOString(),
            ...(s.reason ? { reason: s.reason } : {}),
          }));
          return [name, { routed: views.some((v) => v.routed), replicas: views }];
        }),
      ),
    stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
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
