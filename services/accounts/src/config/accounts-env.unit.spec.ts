import { describe, expect, it } from 'vitest';
import { ConfigError } from '@vitrine/platform';
import { loadAccountsSettings } from './accounts-env.js';

describe('loadAccountsSettings', () => {
  it('defaults', () => {
    expect(loadAccountsSettings({})).toMatchObject({
      ACCOUNTS_ISSUER: 'vitrine-accounts',
      ACCESS_TOKEN_TTL_SECONDS: 900,
      KEY_RETIREMENT_MARGIN_SECONDS: 300,
      KEY_PUBLISH_LEAD_SECONDS: 660,
    });
  });

  it('fails fast naming the variable when only one of the pair is set', () => {
    expect(() => loadAccountsSettings({ BOOTSTRAP_ADMIN_EMAIL: 'a@example.com' })).toThrow(ConfigError);
    expect(() => loadAccountsSettings({ BOOTSTRAP_ADMIN_EMAIL: 'a@example.com' })).toThrow(/BOOTSTRAP_ADMIN_PASSWORD: missing/);
    expect(() => loadAccountsSettings({ BOOTSTRAP_ADMIN_EMAIL: 'nope', BOOTSTRAP_ADMIN_PASSWORD: 'x' })).toThrow(/BOOTSTRAP_ADMIN_EMAIL/);
    expect(() => loadAccountsSettings({ ACCESS_TOKEN_TTL_SECONDS: 'soon' })).toThrow(/ACCESS_TOKEN_TTL_SECONDS/);
  });

  it('reads the key publish lead time, refusing a negative one', () => {
    expect(loadAccountsSettings({ KEY_PUBLISH_LEAD_SECONDS: '2' }).KEY_PUBLISH_LEAD_SECONDS).toBe(2);
    expect(() => loadAccountsSettings({ KEY_PUBLISH_LEAD_SECONDS: '-1' })).toThrow(/KEY_PUBLISH_LEAD_SECONDS/);
  });

  it('reads OIDC_PROVIDERS as JSON and names the variable when it is wrong', () => {
    const google = { name: 'google', issuer: 'https://accounts.google.com', clientId: 'vitrine-web', clientSecret: 's3cret' };
    expect(loadAccountsSettings({}).OIDC_PROVIDERS).toEqual([]);
    expect(loadAccountsSettings({ OIDC_PROVIDERS: JSON.stringify([google]) }).OIDC_PROVIDERS).toEqual([google]);
    expect(loadAccountsSettings({ OIDC_PROVIDERS: JSON.stringify([{ ...google, issuer: 'http://127.0.0.1:4100' }]) }).OIDC_PROVIDERS[0]?.issuer).toBe(
      'http://127.0.0.1:4100',
    );
    expect(() => loadAccountsSettings({ OIDC_PROVIDERS: '{oops' })).toThrow(/OIDC_PROVIDERS: not valid JSON/);
    expect(() => loadAccountsSettings({ OIDC_PROVIDERS: JSON.stringify([{ ...google, clientId: '' }]) })).toThrow(/OIDC_PROVIDERS: \[0\]\.clientId /);
    expect(() => loadAccountsSettings({ OIDC_PROVIDERS: JSON.stringify([{ ...google, issuer: 'http://accounts.google.com' }]) })).toThrow(
      /OIDC_PROVIDERS: .*https/,
    );
    expect(() => loadAccountsSettings({ OIDC_PROVIDERS: JSON.stringify([google, google]) })).toThrow(/OIDC_PROVIDERS: provider names must be unique/);
  });
});
