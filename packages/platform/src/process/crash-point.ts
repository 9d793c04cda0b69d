import { writeSync } from 'node:fs';

/**
 * Fault injection, for the fault tier only: a process told to die by SIGKILL
 * at an exact point of its own code (no drain, no cleanup, no commit), which
 * a kill from outside can only approach by luck. Off unless both variables
 * are set; never set them in production.
 *
 * `VITRINE_FAULT_INJECTION=1 VITRINE_CRASH_AT=outbox-relay:after-publish@3`
 * kills the process the third time its relay has published a batch, before
 * the batch is marked sent (`@N` is optional: the first time by default).
 */
export const crashPointNames = [
  /** The relay's batch is acknowledged by the bus, its rows not yet marked sent: at the next start they are published again. */
  'outbox-relay:after-publish',
  /** A consumer's handler transaction committed, its offsets not yet committed (nor the embedded bus's position): the next start gets them again. */
  'event-consumer:after-effect',
] as const;
export type CrashPointName = (typeof crashPointNames)[number];

/** Must be `1` for `VITRINE_CRASH_AT` to be read at all: a second switch, so that one stray variable cannot kill a service. */
export const faultInjectionVariable = 'VITRINE_FAULT_INJECTION';
/** `<point>` or `<point>@<N>`: dies the Nth time the point is reached in this process. */
export const crashAtVariable = 'VITRINE_CRASH_AT';

export interface CrashPlan {
  point: CrashPointName;
  /** Dies when the point is reached for the nth time (1 = the first). */
  nth: number;
}

/** What the process writes on stderr, as one JSON line, just before it kills itself. */
export interface CrashLine extends Record<string, unknown> {
  crashPoint: CrashPointName;
  reached: number;
  pid: number;
  time: string;
}

/**
 * The crash the environment asks for: undefined when fault injection is off
 * (either variable missing). A malformed or unknown point throws, so a
 * mistyped test set-up fails at start rather than never crashing.
 */
export function parseCrashPlan(env: Readonly<Record<string, string | undefined>>): CrashPlan | undefined {
  const crashAt = env[crashAtVariable]?.trim();
  if (env[faultInjectionVariable] !== '1' || !crashAt) return undefined;
  const match = /^([a-z-]+:[a-z-]+)(?:@(\d+))?$/.exec(crashAt);
  const point = crashPointNames.find((name) => name === match?.[1]);
  const nth = match?.[2] === undefined ? 1 : Number(match[2]);
  if (!point || !Number.isSafeInteger(nth) || nth < 1) {
    throw new Error(`${crashAtVariable}="${crashAt}" is not <point>[@<N>] with N >= 1 and a point among ${crashPointNames.join(', ')}`);
  }
  return { point, nth };
}

/** Reaching a crash point: `details` (what was done just before) go into the crash line. */
export type CrashPoint = (details?: () => Record<string, unknown>) => void;

const die = (line: CrashLine): never => {
  // Synchronous, so the line is in the pipe before the signal; then no handler, no flush, no exit hooks.
  writeSync(2, `${JSON.stringify({ level: 60, ...line, msg: `crash point ${line.crashPoint} reached: SIGKILL (fault injection)` })}\n`);
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable: SIGKILL did not stop the process');
};

/**
 * The crash point `name` under `plan`: counts how often it is reached and,
 * the nth time, calls `onCrash` (the real one writes the crash line and
 * SIGKILLs the process). A point the plan does not name does nothing.
 */
export function crashPointUnder(plan: CrashPlan | undefined, name: CrashPointName, onCrash: (line: CrashLine) => void = die): CrashPoint {
  if (plan?.point !== name) return () => undefined;
  let reached = 0;
  return (details) => {
    reached += 1;
    if (reached === plan.nth) onCrash({ ...details?.(), crashPoint: name, reached, pid: process.pid, time: new Date().toISOString() });
  };
}

const processPoints = new Map<CrashPointName, CrashPoint>();

/**
 * This process's crash point `name`, from its environment (one counter per
 * point per process, however many call sites share it). Take it once where
 * the code starts (a constructor, a subscription), so a malformed plan stops
 * the start; call it at the point.
 */
export function crashPoint(name: CrashPointName): CrashPoint {
  let point = processPoints.get(name);
  if (!point) {
    point = crashPointUnder(parseCrashPlan(process.env), name);
    processPoints.set(name, point);
  }
  return point;
}
