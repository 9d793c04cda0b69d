import autocannon from 'autocannon';
import { resourceUse, type ResourceUse, type Sampler } from './resources.js';
import { increment, percentile, withTimeout } from './util.js';

export interface LoadSpec {
  url: string;
  connections: number;
  durationSeconds: number;
  requestTimeoutSeconds: number;
  /** A fixed body is built once; a function is called per request (unique idempotency keys). */
  body: string | (() => string);
  /** Labels a response for the outcome tally (`ok` when it is what we asked for). */
  classify: (status: number, body: string) => string;
  sample?: Sampler;
}

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
  const dynamicBody = typeof spec.body === 'function' ? spec.body : undefined;
  const request: autocannon.Request = {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof spec.body === 'string' ? spec.body : spec.body(),
    onResponse: (status, body) => increment(outcomes, spec.classify(status, body)),
  };
  if (dynamicBody) request.setupRequest = (req) => ({ ...req, body: dynamicBody() });

  const before = await spec.sample?.();
  const started = performance.now();
  const run = new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.url,
        connections: spec.connections,
        duration: spec.durationSeconds,
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

  const sorted = Float64Array.from(latencies).sort();
  return {
    connections: spec.connections,
    seconds,
    responses: latencies.length,
    perSecond: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
    outcomes,
    socketErrors: result.errors - result.timeouts,
    timeouts: result.timeouts,
    ...(before && after ? { resources: resourceUse(before, after) } : {}),
  };
}
