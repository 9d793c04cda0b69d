import { describe, expect, it } from 'vitest';
import { emptyProductDetails } from './product-details.js';
import { decideProductUpdate, emptyPatchProblems, type DescriptiveFields } from './product-update.js';

const current: DescriptiveFields = {
  ...emptyProductDetails,
  name: 'Tiger 1/6',
  studioId: null,
  scale: '1/6',
  material: 'Polystone',
  downPayment: { required: false, amount: null },
};

describe('decideProductUpdate', () => {
  it('given fields equal to the current ones: UNCHANGED (a retry writes nothing)', () => {
    expect(decideProductUpdate('PREORDER', current, { name: 'Tiger 1/6', scale: '1/6', images: [] }, null)).toEqual({
      decision: { kind: 'UNCHANGED' },
      problems: [],
    });
  });

  it('lists only the fields that change, before and after', () => {
    const { decision, problems } = decideProductUpdate('PREORDER', current, { name: 'White Tiger 1/6', series: 'Guardians', material: 'Polystone' }, null);
    expect(problems).toEqual([]);
    expect(decision).toEqual({
      kind: 'UPDATE',
      changes: [
        { field: 'name', from: 'Tiger 1/6', to: 'White Tiger 1/6' },
        { field: 'series', from: null, to: 'Guardians' },
      ],
      specChanges: [],
    });
  });

  it('before release, a spec field change is a spec change and needs a reason', () => {
    const patch = { scale: '1/4', parts: [{ name: 'Base', category: 'SCENE_PROP' as const }] };
    const withoutReason = decideProductUpdate('PREORDER_CLOSED', current, patch, null);
    expect(withoutReason.problems.map((p) => [p.field, p.reason])).toEqual([['reason', 'REQUIRED']]);
    const { decision, problems } = decideProductUpdate('PREORDER_CLOSED', current, patch, 'The maker enlarged it.');
    expect(problems).toEqual([]);
    expect(decision.kind === 'UPDATE' && decision.specChanges).toEqual([
      { field: 'scale', from: '1/6', to: '1/4' },
      { field: 'parts', from: null, to: 'Base (scene prop)' },
    ]);
  });

  it.each(['RELEASED', 'IN_STOCK', 'SOLD_OUT'] as const)('once %s, a spec field edit is a correction: no spec change, no reason needed', (status) => {
    const { decision, problems } = decideProductUpdate(status, current, { weightGrams: 4100 }, null);
    expect(problems).toEqual([]);
    expect(decision).toEqual({ kind: 'UPDATE', changes: [{ field: 'weightGrams', from: null, to: 4100 }], specChanges: [] });
  });
});

describe('emptyPatchProblems', () => {
  it('refuses a patch that names no field; null counts as given (it clears)', () => {
    expect(emptyPatchProblems({}).map((p) => p.reason)).toEqual(['EMPTY_CHANGE']);
    expect(emptyPatchProblems({ name: undefined }).map((p) => p.reason)).toEqual(['EMPTY_CHANGE']);
    expect(emptyPatchProblems({ licence: null })).toEqual([]);
  });
});
