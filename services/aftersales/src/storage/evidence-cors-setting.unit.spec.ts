import { describe, expect, it } from 'vitest';
import { loadConfig } from '@vitrine/platform';
import { aftersalesEnv } from '../config/aftersales-env.js';
import { isCorsOrigin, uploadCorsOrigins } from '@vitrine/uploads';

const storefront = ['http://127.0.0.1:3000', 'http://localhost:3000'];

describe('EVIDENCE_CORS_ORIGINS', () => {
  it("defaults to the local storefront's two names", () => {
    expect(loadConfig(aftersalesEnv, {}).EVIDENCE_CORS_ORIGINS).toEqual(storefront);
  });

  it('reads a comma list, spaces allowed', () => {
    const origins = loadConfig(aftersalesEnv, { EVIDENCE_CORS_ORIGINS: 'https://shop.example.com, http://127.0.0.1:3100' }).EVIDENCE_CORS_ORIGINS;
    expect(origins).toEqual(['https://shop.example.com', 'http://127.0.0.1:3100']);
  });

  it('refuses anything but bare origins or *', () => {
    for (const bad of [
      'https://shop.example.com/',
      'https://shop.example.com/claims',
      'shop.example.com',
      'ftp://shop.example.com',
      'http://a.test,,http://b.test',
    ]) {
      expect(() => loadConfig(aftersalesEnv, { EVIDENCE_CORS_ORIGINS: bad }), bad).toThrow(/EVIDENCE_CORS_ORIGINS/);
    }
    expect(isCorsOrigin('*')).toBe(true);
    expect(isCorsOrigin('https://shop.example.com:8443')).toBe(true);
    // Browsers send the default port implied, so a listed :443 would never match.
    expect(isCorsOrigin('https://shop.example.com:443')).toBe(false);
  });

  it('refuses * in production, keeps it elsewhere', () => {
    expect(() => uploadCorsOrigins('EVIDENCE_CORS_ORIGINS', ['*'], true)).toThrow(/^EVIDENCE_CORS_ORIGINS=\* is refused in production/);
    expect(uploadCorsOrigins('EVIDENCE_CORS_ORIGINS', ['*'], false)).toEqual(['*']);
    expect(uploadCorsOrigins('EVIDENCE_CORS_ORIGINS', ['https://shop.example.com'], true)).toEqual(['https://shop.example.com']);
  });
});
