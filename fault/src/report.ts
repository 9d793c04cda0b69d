import type { Figure } from './audit.js';
import type { StreamResult } from './stream.js';

/**
 * Codes whose answers tell a client what happened and what to do (the
 * platform's domain codes and the request errors); INTERNAL_SERVER_ERROR and
 * an error without a code tell it nothing.
 */
const codedAnswers = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'CONFLICT', 'POLICY_VIOLATION', 'SERVICE_UNAVAILABLE']);

/** Is this answer class a success or a coded error (200, or a gateway 4xx/502/503 with a GraphQL error body)? */
export function isCodedOrOk(label: string): boolean {
  if (label === 'ok') return true;
  const match = /^(?:HTTP (4\d\d|502|503) )?([A-Z_]+)(?:\/[A-Z_]+)?$/.exec(label);
  return match !== null && codedAnswers.has(match[2]!);
}

export interface ClientClasses {
  ok: number;
  coded: number;
  /** Unanswered requests the fault explains (its `unanswered` pattern). */
  unanswered: number;
  /** Everything else, by class: internal errors, uncoded errors, timeouts, connections cut. Must be empty. */
  refused: Record<string, number>;
}

export function clientClasses(result: StreamResult, unanswered?: RegExp): ClientClasses {
  const classes: ClientClasses = { ok: 0, coded: 0, unanswered: 0, refused: {} };
  for (const tally of Object.values(result.answers)) {
    for (const [label, n] of Object.entries(tally)) {
      if (label === 'ok') classes.ok += n;
      else if (isCodedOrOk(label)) classes.coded += n;
      else if (unanswered?.test(label)) classes.unanswered += n;
      else classes.refused[label] = (classes.refused[label] ?? 0) + n;
    }
  }
  return classes;
}

export function printAnswers(result: StreamResult): void {
  const rows = Object.entries(result.answers).flatMap(([operation, tally]) =>
    Object.entries(tally)
      .sort(([, a], [, b]) => b - a)
      .map(([answer, n]) => ({ operation, answer, n, class: isCodedOrOk(answer) ? (answer === 'ok' ? 'success' : 'coded error') : 'NOT CODED' })),
  );
  console.log('[fault] answers the shoppers got:');
  console.table(rows);
}

export function printFigures(figures: Figure[]): void {
  console.log('[fault] after recovery:');
  console.table(figures.map((f) => ({ check: f.check, figure: f.value, ok: f.ok ? 'ok' : 'FAILED' })));
}
