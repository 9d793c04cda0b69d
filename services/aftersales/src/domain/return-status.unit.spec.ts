import { describe, expect, it } from 'vitest';
import { canMoveReturn, returnStatuses, transitionReturn } from './return-status.js';

describe('return status table', () => {
  const allowed = new Set(['REQUESTED>REFUNDED', 'REQUESTED>REJECTED']);
  for (const from of returnStatuses) {
    for (const to of returnStatuses) {
      it(`${from} -> ${to}`, () => {
        expect(canMoveReturn(from, to)).toBe(allowed.has(`${from}>${to}`));
        if (allowed.has(`${from}>${to}`)) expect(transitionReturn(from, to)).toBe(to);
        else expect(() => transitionReturn(from, to)).toThrow(/cannot become/);
      });
    }
  }
});
