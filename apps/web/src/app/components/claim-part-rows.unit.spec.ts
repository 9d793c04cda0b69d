import { describe, expect, it } from 'vitest';
import { maxClaimParts } from '../lib/claims.js';
import { changedParts, partChoice, partValues } from './claim-part-rows.js';

describe('the claim form’s part rows', () => {
  it('read back in row order, each row’s three fields lined up, trimmed', () => {
    const form = new FormData();
    for (const [category, issue, note] of [
      ['part:Tête souriante', 'STRUCTURAL_BREAKAGE', ' '],
      ['WEAPON_SMALL', 'ACCESSORY_PAINT_ERROR', ' Une tache. '],
    ]) {
      form.append('partCategory', category!);
      form.append('partIssue', issue!);
      form.append('partNote', note!);
    }
    expect(partValues(form)).toEqual([
      { category: 'part:Tête souriante', issue: 'STRUCTURAL_BREAKAGE', note: '' },
      { category: 'WEAPON_SMALL', issue: 'ACCESSORY_PAINT_ERROR', note: 'Une tache.' },
    ]);
  });

  it('name a part from the figure’s list by its name, any other by its category', () => {
    expect(partChoice('part:Katana')).toEqual({ name: 'Katana' });
    expect(partChoice('part:')).toEqual({ name: '' });
    expect(partChoice('HEAD_SCULPT')).toEqual({ category: 'HEAD_SCULPT' });
  });

  it('change without JavaScript: a row added empty up to the limit, one removed by its index while more than one is left', () => {
    const row = (category: string) => ({ category, issue: 'STRUCTURAL_BREAKAGE', note: '' });
    const two = [row('HEAD_SCULPT'), row('WEAPON_SMALL')];
    expect(changedParts(two, 'add')).toEqual([...two, { category: '', issue: '', note: '' }]);
    expect(
      changedParts(
        Array.from({ length: maxClaimParts }, () => row('HEAD_SCULPT')),
        'add',
      ),
    ).toBeNull();
    expect(changedParts(two, 'remove-0')).toEqual([row('WEAPON_SMALL')]);
    expect(changedParts([row('HEAD_SCULPT')], 'remove-0')).toBeNull();
    expect(changedParts(two, 'remove-2')).toBeNull();
    expect(changedParts(two, 'remove-x')).toBeNull();
    expect(changedParts(two, 'anything')).toBeNull();
  });
});
