import { describe, expect, it } from 'vitest';
import { diffDocuments, diffRules, flattenDocument } from './policy-diff.js';

describe('policy versions compared', () => {
  it('flattens a document to its rule fields by path, lists and empty values included', () => {
    expect([...flattenDocument({ plans: { allowed: ['DEPOSIT', 'FULL_PAYMENT'], deposit: { percentBps: 3000 } }, notes: [], extra: {}, off: null })]).toEqual([
      ['extra', '{}'],
      ['notes', '[]'],
      ['off', 'null'],
      ['plans.allowed[0]', '"DEPOSIT"'],
      ['plans.allowed[1]', '"FULL_PAYMENT"'],
      ['plans.deposit.percentBps', '3000'],
    ]);
  });

  it('lists only the fields that differ: changed, added and removed', () => {
    const v1 = { id: 'deposit-store', deposit: { percentBps: 3000, fullPaymentAllowed: true }, tiers: [{ within: 24 }, { within: 168 }] };
    const v2 = { id: 'deposit-store', deposit: { percentBps: 2000, fullPaymentAllowed: true }, tiers: [{ within: 24 }], returns: { days: 14 } };
    expect(diffDocuments(v1, v2)).toEqual([
      { path: 'deposit.percentBps', before: '3000', after: '2000' },
      { path: 'returns.days', before: undefined, after: '14' },
      { path: 'tiers[1].within', before: '168', after: undefined },
    ]);
    expect(diffDocuments(v1, structuredClone(v1))).toEqual([]);
  });

  it('compares the rules in words by their id', () => {
    const v1 = [
      {
        rules: [
          { id: 'deposit', text: 'A 30% deposit.' },
          { id: 'old', text: 'Gone later.' },
        ],
      },
    ];
    const v2 = [
      {
        rules: [
          { id: 'deposit', text: 'A 20% deposit.' },
          { id: 'new', text: 'Added.' },
        ],
      },
    ];
    expect(diffRules(v1, v2)).toEqual([
      { id: 'deposit', before: 'A 30% deposit.', after: 'A 20% deposit.' },
      { id: 'new', before: undefined, after: 'Added.' },
      { id: 'old', before: 'Gone later.', after: undefined },
    ]);
  });
});
