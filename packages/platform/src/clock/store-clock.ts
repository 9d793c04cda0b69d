/**
 * The time the store's rules and durable timers run on: real time, plus the
 * sandbox offset staff set outside production to rehearse a policy ("what
 * happens on day 8?"). One per process: every service of a store shares the
 * offset, which only grows, through SandboxClockAdvanced.
 */
let offsetMs = 0;
let sequence = 0;

export function storeNow(): Date {
  return new Date(Date.now() + offsetMs);
}

export interface SandboxOffset {
  offsetMs: number;
  /** Increases with each move: an older move arriving late changes nothing. */
  sequence: number;
}

export function sandboxOffset(): SandboxOffset {
  return { offsetMs, sequence };
}

/** Takes a move the process has not seen yet; says whether it changed anything. */
export function adoptSandboxOffset(next: SandboxOffset): boolean {
  if (next.sequence <= sequence) return false;
  offsetMs = next.offsetMs;
  sequence = next.sequence;
  return true;
}
