import { describe, expect, it } from 'vitest';
import { checkNewStudio } from './new-studio.js';

const valid = { name: 'Good Smile Company', country: 'JP', contactEmail: 'partners@goodsmile.example' };

describe('checkNewStudio', () => {
  it('accepts a valid studio, cleaned', () => {
    expect(checkNewStudio({ name: ' Prime 1 Studio ', country: 'jp', contactEmail: ' Sales@Prime1.Example ' })).toEqual({
      studio: { name: 'Prime 1 Studio', country: 'JP', contactEmail: 'sales@prime1.example' },
      problems: [],
    });
  });

  it.each([
    [{ name: ' ' }, 'name'],
    [{ name: 'x'.repeat(121) }, 'name'],
    [{ country: 'UK' }, 'country'],
    [{ country: 'JPN' }, 'country'],
    [{ contactEmail: 'no-at-sign' }, 'contactEmail'],
    [{ contactEmail: 'a b@c.d' }, 'contactEmail'],
  ])('refuses %o on %s', (patch, field) => {
    expect(checkNewStudio({ ...valid, ...patch }).problems.map((p) => p.field)).toEqual([field]);
  });

  it('reports every problem at once', () => {
    expect(checkNewStudio({ name: '', country: '', contactEmail: '' }).problems.map((p) => p.field)).toEqual(['name', 'country', 'contactEmail']);
  });
});
