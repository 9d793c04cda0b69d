/**
 * What a subgraph's `/ready` checks. The two parts fail differently: without
 * its database a subgraph can serve nothing, so it is not ready and the
 * gateway stops routing to it; without the event transport it still takes
 * orders and payments (their events wait in the outbox), so it stays ready
 * and says it is degraded.
 */
export interface ReadinessChecks {
  readonly database: () => Promise<void>;
  readonly eventTransport: () => Promise<void>;
}

/** `slow`: no answer within the probe's time; under a drop's load a pool can be that busy and still serving. */
export type PartState = 'up' | 'slow' | 'down';
export type ReadinessStatus = 'ready' | 'degraded' | 'unavailable' | 'draining';

export interface ReadinessReport {
  readonly status: ReadinessStatus;
  readonly database: PartState;
  readonly eventTransport: PartState;
}

/** A hung or saturated part must not hang the probe. */
export const readinessCheckTimeoutMs = 2000;

export function readinessStatus(parts: { database: PartState; eventTransport: PartState }, draining: boolean): ReadinessStatus {
  if (draining) return 'draining';
  if (parts.database === 'down') return 'unavailable';
  return parts.database === 'up' && parts.eventTransport === 'up' ? 'ready' : 'degraded';
}

/** Only these take the subgraph out of the gateway's routing. */
export function isServing(status: ReadinessStatus): boolean {
  return status === 'ready' || status === 'degraded';
}

export async function checkReadiness(
  checks: ReadinessChecks,
  draining: boolean,
  onFailure: (part: keyof ReadinessChecks, err: unknown) => void,
  timeoutMs = readinessCheckTimeoutMs,
): Promise<ReadinessReport> {
  const probe = async (part: keyof ReadinessChecks): Promise<PartState> => {
    try {
      return (await withTimeout(checks[part](), timeoutMs)) ? 'up' : 'slow';
    } catch (err) {
      onFailure(part, err);
      return 'down';
    }
  };
  const [database, eventTransport] = await Promise.all([probe('database'), probe('eventTransport')]);
  return { status: readinessStatus({ database, eventTransport }, draining), database, eventTransport };
}

/** True when `work` settled in time (rethrowing its failure), false when it did not. */
async function withTimeout(work: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([work.then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The checks, each answered from its last run when that ended less than
 * `windowMs` ago (or is still running): however many gateway workers and
 * replicas probe `/ready`, the database and the transport are asked about
 * once per window (two gateway workers probing every second cost 28 of the
 * idle stack's 110 transactions/s). A part's change shows at most `windowMs`
 * later.
 */
export function sharedWithin(windowMs: number, checks: ReadinessChecks, now: () => number = Date.now): ReadinessChecks {
  const share = (check: () => Promise<void>) => {
    let last: { settledAt: number | null; result: Promise<void> } | undefined;
    return () => {
      if (last && (last.settledAt === null || now() - last.settledAt < windowMs)) return last.result;
      const run: { settledAt: number | null; result: Promise<void> } = { settledAt: null, result: check() };
      const settle = () => void (run.settledAt = now());
      run.result.then(settle, settle);
      last = run;
      return run.result;
    };
  };
  return { database: share(checks.database), eventTransport: share(checks.eventTransport) };
}
