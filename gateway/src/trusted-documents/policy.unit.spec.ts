import { describe, expect, it } from 'vitest';
import { sha256Hex } from './manifest.js';
import { decideDocument, type TrustedDocumentPolicy } from './policy.js';

const document = 'query Products { products { id } }';
const hash = sha256Hex(document);
const unknownHash = sha256Hex('{ other }');
const policy = (requiredFor: string[]): TrustedDocumentPolicy => ({
  documents: new Map([[hash, document]]),
  requiredFor: new Set(requiredFor),
});
const apq = (sha256Hash: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash } } });

describe('decideDocument', () => {
  const storefrontOnly = policy(['storefront']);

  it('substitutes the registered document for an APQ hash or a documentId', () => {
    const substitute = { action: 'substitute', query: document };
    expect(decideDocument(storefrontOnly, apq(hash), 'storefront')).toEqual(substitute);
    expect(decideDocument(storefrontOnly, { documentId: hash }, 'storefront')).toEqual(substitute);
    expect(decideDocument(storefrontOnly, { documentId: `sha256:${hash.toUpperCase()}` }, 'storefront')).toEqual(substitute);
    // The registered text wins over whatever text came along with the id.
    expect(decideDocument(storefrontOnly, { ...apq(hash), query: '{ evil }' }, 'storefront')).toEqual(substitute);
    // Registered documents serve every client, not only the required ones.
    expect(decideDocument(storefrontOnly, { documentId: hash }, 'partner-app')).toEqual(substitute);
  });

  it('refuses free text from a required client', () => {
    expect(decideDocument(storefrontOnly, { query: document }, 'storefront')).toMatchObject({
      action: 'refuse',
      code: 'PERSISTED_QUERY_REQUIRED',
    });
    expect(decideDocument(storefrontOnly, {}, 'storefront')).toMatchObject({ code: 'PERSISTED_QUERY_REQUIRED' });
  });

  it('refuses an unknown id from a required client, and an unknown documentId from anyone', () => {
    expect(decideDocument(storefrontOnly, apq(unknownHash), 'storefront')).toMatchObject({
      action: 'refuse',
      code: 'PERSISTED_QUERY_NOT_FOUND',
    });
    expect(decideDocument(storefrontOnly, { documentId: unknownHash }, undefined)).toMatchObject({
      code: 'PERSISTED_QUERY_NOT_FOUND',
    });
  });

  it('leaves other clients alone: free text, and plain APQ for Apollo Server to handle', () => {
    expect(decideDocument(storefrontOnly, { query: '{ anything }' }, 'back-office')).toEqual({ action: 'pass' });
    expect(decideDocument(storefrontOnly, { query: '{ anything }' }, undefined)).toEqual({ action: 'pass' });
    expect(decideDocument(storefrontOnly, apq(unknownHash), undefined)).toEqual({ action: 'pass' });
  });

  it('requires registered documents from every client, named or not, with *', () => {
    expect(decideDocument(policy(['*']), { query: document }, undefined)).toMatchObject({ code: 'PERSISTED_QUERY_REQUIRED' });
    expect(decideDocument(policy(['*']), { query: document }, 'anyone')).toMatchObject({ code: 'PERSISTED_QUERY_REQUIRED' });
  });
});
