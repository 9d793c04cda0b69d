import { describe, expect, it } from 'vitest';
import { nameClaimParts, type NamedPart } from './catalog-parts.js';

const listed = [
  { name: 'Head sculpt (angry)', category: 'HEAD_SCULPT' },
  { name: 'Katana', category: 'WEAPON_LARGE' },
  { name: 'Base', category: 'SCENE_PROP_OF_ANOTHER_STORE' },
];
const part = (over: Partial<NamedPart>): NamedPart => ({ name: null, category: null, issue: 'STRUCTURAL_BREAKAGE', note: null, ...over });

describe("naming a claim's parts from catalog's list", () => {
  it("given a known list, a part named from it takes catalog's spelling and category", () => {
    const result = nameClaimParts([part({ name: '  katana ' })], listed);
    expect(result).toEqual({ problems: [], parts: [{ name: 'Katana', category: 'WEAPON_LARGE', issue: 'STRUCTURAL_BREAKAGE', note: null }] });
  });

  it('given a known list, a name it does not have is UNKNOWN_PART, listing the names', () => {
    const result = nameClaimParts([part({ name: 'Cape' })], listed);
    expect(result.parts).toEqual([]);
    expect(result.problems).toEqual([{ field: 'parts.0.name', reason: 'UNKNOWN_PART', message: expect.stringContaining('Katana') }]);
  });

  it("given a known list, a category other than catalog's for the part is CATEGORY_MISMATCH", () => {
    expect(nameClaimParts([part({ name: 'Katana', category: 'WEAPON_SMALL' })], listed).problems).toMatchObject([
      { field: 'parts.0.category', reason: 'CATEGORY_MISMATCH' },
    ]);
    expect(nameClaimParts([part({ name: 'Katana', category: 'WEAPON_LARGE' })], listed).problems).toEqual([]);
  });

  it('a part catalog files under a category the compensation table does not know cannot be claimed by name', () => {
    expect(nameClaimParts([part({ name: 'Base' })], listed).problems).toMatchObject([{ field: 'parts.0.name', reason: 'UNKNOWN_CATEGORY' }]);
  });

  it('an empty list (the product has no parts) refuses any name', () => {
    expect(nameClaimParts([part({ name: 'Katana' })], []).problems).toMatchObject([
      { reason: 'UNKNOWN_PART', message: expect.stringContaining('lists no parts') },
    ]);
  });

  it('a category alone works as before, whether the list is known or not', () => {
    expect(nameClaimParts([part({ category: 'FIGURE_STAND' })], listed).parts).toEqual([
      { name: null, category: 'FIGURE_STAND', issue: 'STRUCTURAL_BREAKAGE', note: null },
    ]);
    expect(nameClaimParts([part({ category: 'FIGURE_STAND' })], null).problems).toEqual([]);
  });

  it('without a known list, a name is kept as given with its category, which it needs', () => {
    expect(nameClaimParts([part({ name: 'Left hand', category: 'DETACHMENT_ONLY' })], null).parts).toEqual([
      { name: 'Left hand', category: 'DETACHMENT_ONLY', issue: 'STRUCTURAL_BREAKAGE', note: null },
    ]);
    expect(nameClaimParts([part({ name: 'Left hand' })], null).problems).toMatchObject([{ field: 'parts.0.category', reason: 'REQUIRED' }]);
    expect(nameClaimParts([part({})], listed).problems).toMatchObject([{ field: 'parts.0.category', reason: 'REQUIRED' }]);
  });

  it('reports every part at fault at once and keeps none', () => {
    const result = nameClaimParts([part({ name: 'Katana' }), part({ name: 'Cape' }), part({})], listed);
    expect(result.parts).toEqual([]);
    expect(result.problems.map((p) => p.field)).toEqual(['parts.1.name', 'parts.2.category']);
  });
});
