import { describe, expect, it } from 'vitest';
import { customerSearch } from './customer-search.js';

describe('customerSearch', () => {
  it('matches an email from its start, lowercased and trimmed as accounts stores it', () => {
    expect(customerSearch({ email: '  Ann.Lee@Example.COM ' })).toEqual({ emailPrefix: 'ann.lee@example.com%', nameContains: null });
  });

  it('matches a name anywhere, and both terms together', () => {
    expect(customerSearch({ email: 'ann', name: ' Lee ' })).toEqual({ emailPrefix: 'ann%', nameContains: '%Lee%' });
  });

  it("takes the user's wildcards literally", () => {
    expect(customerSearch({ email: 'a_b%c\\' })).toEqual({ emailPrefix: 'a\\_b\\%c\\\\%', nameContains: null });
  });

  it('refuses an empty search and a one-character name', () => {
    expect(() => customerSearch({})).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(() => customerSearch({ email: '  ', name: null })).toThrow('Search by email, name or both.');
    expect(() => customerSearch({ name: 'é' })).toThrow(
      expect.objectContaining({ details: { problems: [expect.objectContaining({ field: 'search.name', reason: 'TOO_SHORT' })] } }),
    );
  });
});
