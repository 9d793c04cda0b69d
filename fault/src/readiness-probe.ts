import { subgraphs, type SubgraphName } from '@vitrine/gateway';
import type { Figure } from './audit.js';
import type { FaultStack, Instance } from './stack.js';

// What health and readiness say during a fault, read as an operator's probe
// would: each subgraph's own /ready, and which subgraphs the gateway routes
// to (its /ready lists them). Turned into figures the spec prints and asserts.

export interface SubgraphReadiness {
  /** HTTP status, or what stopped the answer (ECONNREFUSED...). */
  readonly http: number | string;
  readonly status?: string;
  readonly database?: string;
  readonly eventTransport?: string;
}

export const subgraphNames: SubgraphName[] = subgraphs.map((s) => s.name);

async function getJson(url: string): Promise<{ http: number | string; body: Record<string, unknown> }> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    return { http: response.status, body };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return { http: cause?.code ?? (error as Error).name, body: {} };
  }
}

/** Every subgraph's own /ready, asked at once. */
export async function readinessOfSubgraphs(stack: FaultStack): Promise<Record<string, SubgraphReadiness>> {
  const answers = await Promise.all(
    subgraphNames.map(async (name) => {
      const { http, body } = await getJson(`${stack.serverUrl(name)}/ready`);
      return [name, { http, ...(body as Omit<SubgraphReadiness, 'http'>) }] as const;
    }),
  );
  return Object.fromEntries(answers);
}

/** How the gateway routes to one subgraph: to it at all (any replica), and to each replica (by its URL). */
interface SubgraphRoute {
  routed: boolean;
  reason?: string;
  replicas?: { url: string; routed: boolean; reason?: string }[];
}

/** The subgraphs the gateway routes to now (from its /ready). */
export async function gatewayRouting(stack: FaultStack): Promise<Record<string, SubgraphRoute>> {
  const { body } = await getJson(new URL('/ready', stack.gatewayUrl).href);
  return (body['routing'] ?? {}) as Record<string, SubgraphRoute>;
}

/**
 * Waits until the gateway's routing of one replica of `name` (the gateway knows it by its GraphQL URL) is `routed`;
 * the milliseconds it took, or undefined past `withinMs`.
 */
export async function untilReplicaRouting(
  stack: FaultStack,
  name: SubgraphName,
  replica: Instance,
  routed: boolean,
  withinMs: number,
): Promise<number | undefined> {
  const url = `${stack.serverUrl(replica)}/graphql`;
  const started = performance.now();
  for (;;) {
    const routing = await gatewayRouting(stack);
    if (routing[name]?.replicas?.find((r) => r.url === url)?.routed === routed) return Math.round(performance.now() - started);
    if (performance.now() - started > withinMs) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until the gateway's routing of each of `names` is `routed`; the milliseconds it took, or undefined past `withinMs`. */
export async function untilRouting(stack: FaultStack, names: readonly string[], routed: boolean, withinMs: number): Promise<number | undefined> {
  const started = performance.now();
  for (;;) {
    const routing = await gatewayRouting(stack);
    if (names.every((name) => routing[name]?.routed === routed)) return Math.round(performance.now() - started);
    if (performance.now() - started > withinMs) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const describeAll = (answers: Record<string, SubgraphReadiness>) =>
  Object.entries(answers)
    .map(([name, a]) => `${name} ${a.http}${a.status ? ` ${a.status}` : ''}`)
    .join(', ');

/** The subgraphs' answers, checked against what each must say (one figure). */
export function readinessFigure(
  check: string,
  answers: Record<string, SubgraphReadiness>,
  expected: (answer: SubgraphReadiness) => boolean,
  tookMs?: number,
): Figure {
  const wrong = Object.entries(answers).filter(([, answer]) => !expected(answer));
  const took = tookMs === undefined ? '' : ` in ${(tookMs / 1000).toFixed(1)} s`;
  return {
    check,
    value: wrong.length === 0 ? `all ${Object.keys(answers).length}${took}` : `not as expected: ${describeAll(Object.fromEntries(wrong))}`,
    ok: wrong.length === 0,
  };
}

/**
 * Asks every subgraph's /ready until each answer is as expected or `withinMs` passed: a subgraph answers probes
 * from a check that ended less than 900 ms before (platform readiness.ts, sharedWithin), so a change shows within
 * that much, not at once. The last answers, and how long it took when they all matched.
 */
export async function untilReadiness(
  stack: FaultStack,
  expected: (answer: SubgraphReadiness) => boolean,
  withinMs: number,
): Promise<{ answers: Record<string, SubgraphReadiness>; tookMs: number | undefined }> {
  const started = performance.now();
  for (;;) {
    const answers = await readinessOfSubgraphs(stack);
    if (Object.values(answers).every(expected)) return { answers, tookMs: Math.round(performance.now() - started) };
    if (performance.now() - started > withinMs) return { answers, tookMs: undefined };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function routingFigure(check: string, tookMs: number | undefined, withinMs: number): Figure {
  return { check, value: tookMs === undefined ? `not within ${withinMs / 1000} s` : `in ${(tookMs / 1000).toFixed(1)} s`, ok: tookMs !== undefined };
}

/** Once a fault is over: every subgraph ready (not degraded) and routed by the gateway. */
export async function settledReadiness(stack: FaultStack, withinMs: number): Promise<Figure[]> {
  const routedIn = await untilRouting(stack, subgraphNames, true, withinMs);
  // The event transport's own reconnection may trail the database's: give it the same bound.
  const ready = (a: SubgraphReadiness) => a.http === 200 && a.status === 'ready';
  const { answers } = await untilReadiness(stack, ready, withinMs);
  return [
    readinessFigure('after the fault: every subgraph /ready 200 ready', answers, ready),
    routingFigure('after the fault: the gateway routes to every subgraph', routedIn, withinMs),
  ];
}
