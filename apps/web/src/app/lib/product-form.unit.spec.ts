import { describe, expect, it } from 'vitest';
import { countryCodes, imageLines, packageSides, partRows, wholeOrNull } from './product-form.js';

describe('the product forms’ fields', () => {
  it('reads one image URL per line, blank lines left out, in order', () => {
    expect(imageLines(' https://a.test/1.jpg \r\n\nhttps://a.test/2.jpg\n  ')).toEqual(['https://a.test/1.jpg', 'https://a.test/2.jpg']);
    expect(imageLines('')).toEqual([]);
  });

  it('reads a whole number, empty as not known, anything else as not a number', () => {
    expect(wholeOrNull(' 850 ')).toBe(850);
    expect(wholeOrNull('')).toBeNull();
    for (const typed of ['8.5', '-3', '1e3', 'ten']) expect(wholeOrNull(typed), typed).toBeUndefined();
  });

  it('takes the package size as three sides or none at all', () => {
    expect(packageSides('300', '200', '150')).toEqual({ lengthMm: 300, widthMm: 200, heightMm: 150 });
    expect(packageSides('', ' ', '')).toBeNull();
    expect(packageSides('300', '', '150')).toBeUndefined();
    expect(packageSides('300', '20.5', '150')).toBeUndefined();
  });

  it('splits country codes on commas and spaces, upper-cased', () => {
    expect(countryCodes('de, us;jp  fr')).toEqual(['DE', 'US', 'JP', 'FR']);
    expect(countryCodes('  ')).toEqual([]);
  });

  it('pairs each part’s name with its kind, rows without a name left out', () => {
    expect(partRows([' Left wing ', '', 'Base'], ['SCENE_PROP', 'WEAPON_SMALL', 'FIGURE_STAND'])).toEqual([
      { name: 'Left wing', category: 'SCENE_PROP' },
      { name: 'Base', category: 'FIGURE_STAND' },
    ]);
    expect(partRows(['Head'], [])).toEqual([]);
  });
});
