import { describe, expect, it } from 'vitest';
import { corsPreflightHeaders, corsResponseHeaders, isCorsOrigin, preflightMaxAgeSeconds, uploadCorsOrigins } from './upload-cors.js';

const storefront = ['http://127.0.0.1:3000', 'http://localhost:3000'];

describe('the origins a setting lists', () => {
  it('are * or bare origins as browsers send them', () => {
    expect(isCorsOrigin('*')).toBe(true);
    expect(isCorsOrigin('https://shop.example.com:8443')).toBe(true);
    // Browsers send the default port implied, so a listed :443 would never match.
    expect(isCorsOrigin('https://shop.example.com:443')).toBe(false);
    for (const bad of ['https://shop.example.com/', 'https://shop.example.com/claims', 'shop.example.com', 'ftp://shop.example.com']) {
      expect(isCorsOrigin(bad), bad).toBe(false);
    }
  });

  it('refuse * in production (naming the setting), keep it elsewhere', () => {
    expect(() => uploadCorsOrigins('EVIDENCE_CORS_ORIGINS', ['*'], true)).toThrow(/^EVIDENCE_CORS_ORIGINS=\* is refused in production/);
    expect(uploadCorsOrigins('EVIDENCE_CORS_ORIGINS', ['*'], false)).toEqual(['*']);
    expect(uploadCorsOrigins('EVIDENCE_CORS_ORIGINS', ['https://shop.example.com'], true)).toEqual(['https://shop.example.com']);
  });
});

describe('preflight of an upload', () => {
  it('an allowed origin asking for PUT gets only PUT and content-type, for a while', () => {
    expect(corsPreflightHeaders(storefront, 'http://localhost:3000', 'PUT')).toEqual({
      vary: 'Origin',
      'access-control-allow-origin': 'http://localhost:3000',
      'access-control-allow-methods': 'PUT',
      'access-control-allow-headers': 'content-type',
      'access-control-max-age': String(preflightMaxAgeSeconds),
    });
  });

  it('another origin, no origin, or another method gets nothing', () => {
    expect(corsPreflightHeaders(storefront, 'http://evil.test', 'PUT')).toBeNull();
    expect(corsPreflightHeaders(storefront, 'http://localhost:3001', 'PUT')).toBeNull();
    expect(corsPreflightHeaders(storefront, undefined, 'PUT')).toBeNull();
    expect(corsPreflightHeaders(storefront, 'http://localhost:3000', 'DELETE')).toBeNull();
  });

  it('* answers any origin with * (no credentials are involved)', () => {
    expect(corsPreflightHeaders(['*'], 'http://anywhere.test', 'PUT')?.['access-control-allow-origin']).toBe('*');
  });
});

describe('the upload itself', () => {
  it('names an allowed origin, and always varies by Origin', () => {
    expect(corsResponseHeaders(storefront, 'http://127.0.0.1:3000')).toEqual({ vary: 'Origin', 'access-control-allow-origin': 'http://127.0.0.1:3000' });
    expect(corsResponseHeaders(storefront, 'http://evil.test')).toEqual({ vary: 'Origin' });
    expect(corsResponseHeaders(storefront, undefined)).toEqual({ vary: 'Origin' });
  });
});
