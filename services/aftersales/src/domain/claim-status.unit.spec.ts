import { describe, expect, it } from 'vitest';
import { canMove, claimStatuses, transition } from './claim-status.js';

describe('claim status table', () => {
  const allowed = new Set([
    'DRAFT>SUBMITTED',
    'SUBMITTED>UNDER_REVIEW',
    'SUBMITTED>NEEDS_MORE_EVIDENCE',
    'SUBMITTED>DECIDED',
    'SUBMITTED>REFUSED',
    'UNDER_REVIEW>NEEDS_MORE_EVIDENCE',
    'UNDER_REVIEW>DECIDED',
    'UNDER_REVIEW>REFUSED',
    'NEEDS_MORE_EVIDENCE>SUBMITTED',
    'DECIDED>RESOLVING',
    'DECIDED>CLOSED',
    'RESOLVING>CLOSED',
  ]);
  for (const from of claimStatuses) {
    for (const to of claimStatuses) {
      it(`${from} -> ${to}`, () => {
        expect(canMove(from, to)).toBe(allowed.has(`${from}>${to}`));
        if (allowed.has(`${from}>${to}`)) expect(transition(from, to)).toBe(to);
        else expect(() => transition(from, to)).toThrow(/cannot become/);
      });
    }
  }
});
