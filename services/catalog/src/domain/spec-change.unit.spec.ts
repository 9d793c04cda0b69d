import { describe, expect, it } from 'vitest';
import { DomainError } from '@vitrine/platform/domain';
import { productStatuses } from './product-status.js';
import { assertSpecOpen, checkSpecChangeInput, describeSpecValue } from './spec-change.js';

describe('spec changes', () => {
  it.each(['ANNOUNCED', 'PREORDER', 'PREORDER_CLOSED'] as const)('are open while %s', (status) => {
    expect(() => assertSpecOpen(status)).not.toThrow();
  });

  it.each(productStatuses.filter((s) => !['ANNOUNCED', 'PREORDER', 'PREORDER_CLOSED'].includes(s)))('are refused once %s (SPEC_FIXED)', (status) => {
    let error: unknown;
    try {
      assertSpecOpen(status);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('POLICY_VIOLATION');
    expect((error as DomainError).details).toMatchObject({ rule: 'SPEC_FIXED', status });
  });

  it('accepts a list of changes, a description, or both; trims; empty values are null', () => {
    expect(
      checkSpecChangeInput({
        changes: [
          { field: ' paint ', from: ' matte ', to: 'gloss' },
          { field: 'base', from: '', to: 'LED base' },
        ],
        reason: ' Maker update. ',
      }),
    ).toEqual({
      changes: [
        { field: 'paint', from: 'matte', to: 'gloss' },
        { field: 'base', from: null, to: 'LED base' },
      ],
      description: null,
      reason: 'Maker update.',
      problems: [],
    });
    expect(checkSpecChangeInput({ description: 'The cape is now cloth.', reason: 'Licensor request.' }).problems).toEqual([]);
  });

  it.each([
    [{ reason: 'x' }, [['changes', 'REQUIRED']]],
    [{ changes: [], description: '  ', reason: 'x' }, [['changes', 'REQUIRED']]],
    [{ changes: [{ field: '', to: 'b' }], reason: 'x' }, [['changes.0.field', 'INVALID_LENGTH']]],
    [{ changes: [{ field: 'paint', from: 'a', to: 'a' }], reason: 'x' }, [['changes.0', 'NO_CHANGE']]],
    [{ changes: [{ field: 'paint', from: 'a', to: 'b'.repeat(501) }], reason: 'x' }, [['changes.0', 'TOO_LONG']]],
    [{ description: 'd'.repeat(2001), reason: 'x' }, [['description', 'TOO_LONG']]],
    [{ description: 'd', reason: '  ' }, [['reason', 'REQUIRED']]],
    [{ changes: Array.from({ length: 31 }, (_, i) => ({ field: `f${i}`, to: 'b' })), reason: 'x' }, [['changes', 'TOO_MANY']]],
  ])('refuses %o', (input, expected) => {
    expect(checkSpecChangeInput(input).problems.map((p) => [p.field, p.reason])).toEqual(expected);
  });

  it('describes spec values the way customers read them', () => {
    expect(describeSpecValue('weightGrams', 5200)).toBe('5200 g');
    expect(describeSpecValue('packageDimensions', { lengthMm: 600, widthMm: 400, heightMm: 350 })).toBe('600 x 400 x 350 mm');
    expect(describeSpecValue('assembly', { kind: 'GLUE', note: 'Wings' })).toBe('GLUE: Wings');
    expect(describeSpecValue('assembly', { kind: 'NONE', note: null })).toBe('NONE');
    expect(
      describeSpecValue('parts', [
        { name: 'Head', category: 'HEAD_SCULPT' },
        { name: 'Sword', category: 'WEAPON_LARGE' },
      ]),
    ).toBe('Head (head sculpt); Sword (weapon large)');
    expect(describeSpecValue('parts', [])).toBeNull();
    expect(describeSpecValue('scale', '1/4')).toBe('1/4');
    expect(describeSpecValue('material', null)).toBeNull();
  });
});
