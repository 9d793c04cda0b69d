import { describe, expect, it } from 'vitest';
import { stripSuggestions } from './strip-suggestions.js';

describe('stripSuggestions', () => {
  it('drops the trailing "Did you mean ...?" graphql-js appends', () => {
    expect(stripSuggestions('Cannot query field "nme" on type "Product". Did you mean "name"?')).toBe('Cannot query field "nme" on type "Product".');
  });

  it('drops suggestions that span lines', () => {
    expect(stripSuggestions('Value "X" does not exist. Did you mean "A" or\n"B"?')).toBe('Value "X" does not exist.');
  });

  it('leaves other messages alone', () => {
    expect(stripSuggestions('Syntax Error: Unexpected "}".')).toBe('Syntax Error: Unexpected "}".');
  });
});
