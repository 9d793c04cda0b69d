import { describe, expect, it } from 'vitest';
import { loadWebConfig } from './config.js';

const google = { name: 'google', label: 'Google', issuer: 'https://accounts.google.com', clientId: 'web-client', clientSecret: 'shh-0123456789' };
const withProviders = (value: unknown) => loadWebConfig({ WEB_OIDC_PROVIDERS: typeof value === 'string' ? value : JSON.stringify(value) });

describe('WEB_OIDC_PROVIDERS', () => {
  it('none configured: no provider (no button)', () => {
    expect(loadWebConfig({}).oidcProviders).toEqual([]);
    expect(loadWebConfig({ WEB_OIDC_PROVIDERS: '' }).oidcProviders).toEqual([]);
  });

  it('reads each provider; plain http only for this machine', () => {
    const local = { ...google, name: 'test-idp', label: 'Test IdP', issuer: 'http://127.0.0.1:9999' };
    expect(withProviders([google, local]).oidcProviders).toEqual([google, local]);
  });

  it('stops the server naming the variable, the entry and the field, never the secret', () => {
    expect(() => withProviders('[{')).toThrow('WEB_OIDC_PROVIDERS: not JSON');
    expect(() => withProviders([{ ...google, issuer: 'http://accounts.google.com' }])).toThrow(
      'WEB_OIDC_PROVIDERS: [0.issuer] must be https (http only for localhost)',
    );
    expect(() => withProviders([google, { ...google, clientSecret: undefined }])).toThrow(/WEB_OIDC_PROVIDERS: \[1\.clientSecret\]/);
    expect(() => withProviders([{ ...google, name: 'Google Sign-In' }])).toThrow(/\[0\.name\] lower-case letters/);
    expect(() => withProviders([google, google])).toThrow('each provider name once');
    expect(() => withProviders([{ ...google, issuer: 'nope' }])).not.toThrow(/shh-0123456789/);
    expect(() => withProviders([{ ...google, extra: 1 }])).toThrow(/WEB_OIDC_PROVIDERS/);
  });
});
