import { describe, expect, it } from 'vitest';
import { partChoice, partValues } from './claim-part-rows.js';

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
});
