import { describe, expect, it } from 'vitest';
import { checkProductDetails, isHttpsUrl, productDetailLimits } from './product-details.js';

const fields = (input: Parameters<typeof checkProductDetails>[0]) => checkProductDetails(input).problems.map((p) => [p.field, p.reason]);

describe('checkProductDetails', () => {
  it('returns only the fields given, trimmed, with empty text as null', () => {
    expect(checkProductDetails({})).toEqual({ details: {}, problems: [] });
    expect(checkProductDetails({ series: '  Demon Slayer ', licence: '   ', description: null, material: 'Polystone, PVC' })).toEqual({
      details: { series: 'Demon Slayer', licence: null, description: '', material: 'Polystone, PVC' },
      problems: [],
    });
  });

  it('accepts a full set of details', () => {
    const { details, problems } = checkProductDetails({
      images: ['https://cdn.example.com/a.jpg', 'https://cdn.example.com/b.jpg'],
      scale: '1/4',
      weightGrams: 5200,
      packageDimensions: { lengthMm: 600, widthMm: 400, heightMm: 350 },
      assembly: { kind: 'MAGNETS_AND_GLUE', note: ' Glue the wings. ' },
      parts: [
        { name: ' Head ', category: 'HEAD_SCULPT' },
        { name: 'Sword', category: 'WEAPON_LARGE' },
      ],
    });
    expect(problems).toEqual([]);
    expect(details.assembly).toEqual({ kind: 'MAGNETS_AND_GLUE', note: 'Glue the wings.' });
    expect(details.parts).toEqual([
      { name: 'Head', category: 'HEAD_SCULPT' },
      { name: 'Sword', category: 'WEAPON_LARGE' },
    ]);
  });

  it.each([['1/7'], ['1/1'], ['1/12'], ['1/350']])('accepts scale %s', (scale) => {
    expect(checkProductDetails({ scale }).details.scale).toBe(scale);
  });

  it.each([['non-scale'], ['Non scale'], ['NONSCALE']])('normalises %s to Non-scale', (scale) => {
    expect(checkProductDetails({ scale })).toEqual({ details: { scale: 'Non-scale' }, problems: [] });
  });

  it.each([['1:7'], ['7'], ['1/0'], ['1/07'], ['2/7'], ['1/1000'], ['huge']])('refuses scale %s', (scale) => {
    expect(fields({ scale })).toEqual([['scale', 'INVALID_SCALE']]);
  });

  it('refuses image URLs that are not https, malformed, duplicated or too many', () => {
    expect(
      fields({
        images: ['http://cdn.example.com/a.jpg', 'not a url', 'https://cdn.example.com/a.jpg', 'https://cdn.example.com/a.jpg', 'javascript:alert(1)'],
      }),
    ).toEqual([
      ['images.0', 'INVALID_URL'],
      ['images.1', 'INVALID_URL'],
      ['images.3', 'DUPLICATE'],
      ['images.4', 'INVALID_URL'],
    ]);
    const many = Array.from({ length: productDetailLimits.images + 1 }, (_, i) => `https://cdn.example.com/${i}.jpg`);
    expect(fields({ images: many })).toEqual([['images', 'TOO_MANY']]);
  });

  it.each([
    ['https://cdn.example.com/a.jpg', true],
    ['https://user:pw@cdn.example.com/a.jpg', false],
    ['https://localhost/a.jpg', false],
    ['ftp://cdn.example.com/a.jpg', false],
    [`https://cdn.example.com/${'x'.repeat(2100)}`, false],
  ])('isHttpsUrl(%s) is %s', (url, ok) => {
    expect(isHttpsUrl(url)).toBe(ok);
  });

  it.each([[0], [-5], [1.5], [productDetailLimits.maxWeightGrams + 1]])('refuses weight %s', (weightGrams) => {
    expect(fields({ weightGrams })).toEqual([['weightGrams', 'OUT_OF_RANGE']]);
  });

  it('refuses each package side that is not a positive whole number of mm; null clears', () => {
    expect(fields({ packageDimensions: { lengthMm: 0, widthMm: 10.5, heightMm: 300 } })).toEqual([
      ['packageDimensions.lengthMm', 'OUT_OF_RANGE'],
      ['packageDimensions.widthMm', 'OUT_OF_RANGE'],
    ]);
    expect(checkProductDetails({ packageDimensions: null, weightGrams: null })).toEqual({
      details: { packageDimensions: null, weightGrams: null },
      problems: [],
    });
  });

  it('refuses an unknown assembly kind and an over-long note; null means nothing to assemble', () => {
    expect(fields({ assembly: { kind: 'SCREWS', note: 'x'.repeat(501) } })).toEqual([
      ['assembly.kind', 'UNKNOWN_ASSEMBLY'],
      ['assembly.note', 'TOO_LONG'],
    ]);
    expect(checkProductDetails({ assembly: null }).details.assembly).toEqual({ kind: 'NONE', note: null });
  });

  it('refuses parts without a name or with an unknown category', () => {
    expect(
      fields({
        parts: [
          { name: ' ', category: 'HEAD_SCULPT' },
          { name: 'Cape', category: 'CAPE' },
        ],
      }),
    ).toEqual([
      ['parts.0.name', 'INVALID_LENGTH'],
      ['parts.1.category', 'UNKNOWN_CATEGORY'],
    ]);
  });

  it('refuses over-long texts', () => {
    expect(fields({ series: 'x'.repeat(121), licence: 'x'.repeat(121), material: 'x'.repeat(201), description: 'x'.repeat(10_001) })).toEqual([
      ['series', 'TOO_LONG'],
      ['licence', 'TOO_LONG'],
      ['material', 'TOO_LONG'],
      ['description', 'TOO_LONG'],
    ]);
  });
});
