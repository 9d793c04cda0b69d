import { describe, expect, it } from 'vitest';
import { auditActionWords, auditDetails } from './audit-words.js';

describe('catalog’s audit entries in words', () => {
  it('names known actions and leaves new ones as they are', () => {
    expect(auditActionWords('product.price-changed')).toBe('Price changed');
    expect(auditActionWords('product.renamed-later')).toBe('product.renamed-later');
  });

  it('names them in French too', () => {
    expect(auditActionWords('product.price-changed', 'en')).toBe('Price changed');
    expect(auditActionWords('product.price-changed', 'fr')).toBe('Prix modifié');
    expect(auditActionWords('stock.transferred', 'fr')).toBe('Unités déplacées entre entrepôts');
    expect(auditActionWords('product.renamed-later', 'fr')).toBe('product.renamed-later');
  });

  it('puts the reason apart and every other field as a short fact', () => {
    const details = JSON.stringify({ oldPrice: { amount: 10000, currency: 'USD' }, newPrice: { amount: 14999, currency: 'USD' }, reason: 'Maker price.' });
    expect(auditDetails(details)).toEqual({
      reason: 'Maker price.',
      facts: ['oldPrice: {"amount":10000,"currency":"USD"}', 'newPrice: {"amount":14999,"currency":"USD"}'],
    });
    expect(auditDetails(JSON.stringify({ from: 'PREORDER', to: null, reason: null }))).toEqual({ reason: null, facts: ['from: PREORDER', 'to: —'] });
  });

  it('writes the facts with French typography in French', () => {
    const details = JSON.stringify({ from: 'PREORDER', to: null, reason: 'Maker price.' });
    expect(auditDetails(details, 'fr')).toEqual({ reason: 'Maker price.', facts: ['from : PREORDER', 'to : —'] });
    expect(auditDetails(details, 'en')).toEqual({ reason: 'Maker price.', facts: ['from: PREORDER', 'to: —'] });
    expect(auditDetails('not json', 'fr')).toEqual({ reason: null, facts: ['not json'] });
  });

  it('shows details that are not a JSON object as they are', () => {
    expect(auditDetails('not json')).toEqual({ reason: null, facts: ['not json'] });
    expect(auditDetails('[1,2]')).toEqual({ reason: null, facts: ['[1,2]'] });
  });
});
