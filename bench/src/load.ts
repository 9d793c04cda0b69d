import autocannon from 'autocannon';
import { resourceUse, type ResourceUse, type Sampler } from './resources.js';
import { increment, percentile, withTimeout } from './util.js';

export interface LoadSpec {
  url: string;
  connections: number;
  durationSeconds: number;
  /**
   * Send exactly this many requests (spread over the connections) instead of
   * loading for `durationSeconds`, which then only bounds the run.
   */
  amount?: number;
  requestTimeoutSeconds: number;
  /**
   * A fixed request is built once. A function is called per request (unique
   * idempotency keys, a bearer token picked round-robin); it may note in
   * `context` what it picked, and `classify` gets that same context with the
   * response (autocannon sends one request at a time per connection).
   */
  request: RequestParts | ((context: RequestContext) => RequestParts);
  /** Labels a response for the outcome tally (`ok` when it is what we asked for). */
  classify: (status: number, body: string, context: RequestContext) => string;
  sample?: Sampler;
}

export interface RequestParts {
  body: string;
  /** On top of `content-type: application/json` (e.g. `authorization`). */
  headers?: Record<string, string>;
}

/** autocannon's per-request context: fresh for every request, handed to classify with its response. */
export type RequestContext = Record<string, unknown>;

export interface LoadResult {
  connections: number;
  /** Wall-clock seconds the load ran. */
  seconds: number;
  responses: number;
  perSecond: number;
  /** Milliseconds, over every HTTP response (GraphQL errors arrive as 200s). */
  p50: number;
  p90: number;
  p99: number;
  max: number;
  outcomes: Record<string, number>;
  /** Connection errors (refused, reset) and request timeouts, as counted by autocannon. */
  socketErrors: number;
  timeouts: number;
  /** CPU and database transactions while the load ran (absent without a sampler). */
  resources?: ResourceUse;
  /** Every response's latency (ms), ascending: lets runs be pooled (mergeLoadResults). */
  latencies: Float64Array;
}

/**
 * One autocannon run. Latencies come from autocannon's per-response event
 * rather than its histogram, which keeps only whole milliseconds and only
 * 2xx answers: a sub-millisecond direct read would make every ratio noise.
 * Errors and timeouts are tallied, never thrown.
 */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const latencies: number[] = [];
  const outcomes: Record<string, number> = {};
  const build = typeof spec.request === 'function' ? spec.request : undefined;
  const fixed = typeof spec.request === 'function' ? undefined : spec.request;
  const baseHeaders = { 'content-type': 'application/json' };
  const request: autocannon.Request = {
    method: 'POST',
    headers: { ...baseHeaders, ...fixed?.headers },
    // With a builder, setupRequest below replaces it before every request (the first one included).
    body: fixed?.body ?? '',
    onResponse: (status, body, context) => increment(outcomes, spec.classify(status, body, context as RequestContext)),
  };
  if (build) {
    request.setupRequest = (req, context) => {
      const parts = build(context as RequestContext);
      return { ...req, body: parts.body, headers: { ...baseHeaders, ...parts.headers } };
    };
  }

  const before = await spec.sample?.();
  const started = performance.now();
  const run = new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.url,
        connections: spec.amount ? Math.min(spec.connections, spec.amount) : spec.connections,
        ...(spec.amount ? { amount: spec.amount } : { duration: spec.durationSeconds }),
        timeout: spec.requestTimeoutSeconds,
        requests: [request],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    // autocannon stops on its own at `duration`; this only guards against a stuck run.
    setTimeout(() => instance.stop(), (spec.durationSeconds + spec.requestTimeoutSeconds + 5) * 1000).unref();
  });
  const result = await withTimeout('load run', (spec.durationSeconds + spec.requestTimeoutSeconds + 30) * 1000, run);
  const seconds = (performance.now() - started) / 1000;
  const after = await spec.sample?.();

  return {
    ...latencyResult(spec.amount ? Math.min(spec.connections, spec.amount) : spec.connections, seconds, latencies, outcomes),
    socketErrors: result.errors - result.timeouts,
    timeouts: result.timeouts,
    ...(before && after ? { resources: resourceUse(before, after) } : {}),
  };
}

/**
 * A LoadResult from latencies (ms, any order) measured some other way than by
 * autocannon (e.g. a whole purchase of several requests): rate over
 * `seconds`, percentiles, no socket errors or timeouts (the caller adds them).
 */
export function latencyResult(connections: number, seconds: number, latencies: ArrayLike<number>, outcomes: Record<string, number>): LoadResult {
  const sorted = Float64Array.from(latencies).sort();
  return {
    connections,
    seconds,
    responses: sorted.length,
    perSecond: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
    outcomes,
    socketErrors: 0,
    timeouts: 0,
    latencies: sorted,
  };
}

/**
 * Two sides of a comparison measured in halves, A / B / B / A (the first run of each after its warm-up), each side's
 * two runs pooled (mergeLoadResults): on a shared machine whose speed drifts within minutes, and with code still
 * warming up, both sides weigh the same drift instead of the side measured first paying alone.
 */
export async function alternately<T extends { result: LoadResult }>(
  first: (warmup: boolean) => Promise<T>,
  second: (warmup: boolean) => Promise<T>,
): Promise<[T, T]> {
  const [a1, b1, b2, a2] = [await first(true), await second(true), await second(false), await first(false)];
  return [
    { ...a1, result: mergeLoadResults([a1.result, a2.result]) },
    { ...b1, result: mergeLoadResults([b1.result, b2.result]) },
  ];
}

/**
 * Several runs of the same load as one: latencies pooled, counts summed,
 * rates over the summed time, CPU and transactions averaged by duration.
 */
export function mergeLoadResults(results: LoadResult[]): LoadResult {
  const first = results[0];
  if (!first) throw new Error('mergeLoadResults: nothing to merge');
  const seconds = results.reduce((sum, r) => sum + r.seconds, 0);
  const latencies = Float64Array.from(results.flatMap((r) => [...r.latencies])).sort();
  const outcomes: Record<string, number> = {};
  for (const r of results) for (const [label, n] of Object.entries(r.outcomes)) increment(outcomes, label, n);
  const measured = results.filter((r) => r.resources);
  let resources: ResourceUse | undefined;
  if (measured.length === results.length) {
    const cores: Record<string, number> = {};
    for (const r of measured) for (const [group, n] of Object.entries(r.resources!.cores)) cores[group] = (cores[group] ?? 0) + (n * r.seconds) / seconds;
    const transactionsPerSecond = measured.reduce((sum, r) => sum + r.resources!.transactionsPerSecond * r.seconds, 0) / seconds;
    resources = { cores, transactionsPerSecond };
  }
  return {
    connections: first.connections,
    seconds,
    responses: latencies.length,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: latencies.length ? latencies[latencies.length - 1]! : Number.NaN,
    outcomes,
    socketErrors: results.reduce((sum, r) => sum + r.socketErrors, 0),
    timeouts: results.reduce((sum, r) => sum + r.timeouts, 0),
    ...(resources ? { resources } : {}),
    latencies,
  };
}

/** One line for the console: throughput, latency, what was not ok, cores used. */
export function summarize(result: LoadResult): string {
  const use = result.resources;
  const cores = use
    ? `; cores used: ${Object.entries(use.cores)
        .map(([name, n]) => `${name} ${n.toFixed(2)}`)
        .join(', ')}; db transactions/s ${use.transactionsPerSecond.toFixed(0)}`
    : '';
  const failures = Object.entries(result.outcomes).filter(([label]) => label !== 'ok');
  const failed = failures.length ? `, not ok: ${failures.map(([l, n]) => `${l}=${n}`).join(' ')}` : '';
  const socket = result.socketErrors || result.timeouts ? `, socket errors ${result.socketErrors}, timeouts ${result.timeouts}` : '';
  return `${result.perSecond.toFixed(0)} req/s, p50 ${result.p50.toFixed(2)} ms, p99 ${result.p99.toFixed(2)} ms (${result.responses} responses${failed}${socket})${cores}`;
}
