import { describe, expect, it } from 'vitest';
import { ConfigError } from '@vitrine/platform';
import { loadAccountsSettings } from './accounts-env.js';

describe('loadAccountsSettings', () => {
  it('defaults', () => {
    expect(loadAccountsSettings({})).toMatchObject({ ACCOUNTS_ISSUER: 'vitrine-accounts', ACCESS_TOKEN_TTL_SECONDS: 900, KEY_RETIREMENT_MARGIN_SECONDS: 300 });
  });

  it('fails fast naming the variable when only one of the pair is set', () => {
    expect(() => loadAccountsSettings({ BOOTSTRAP_ADMIN_EMAIL: 'a@example.com' })).toThrow(ConfigError);
    expect(() => loadAccountsSettings({ BOOTSTRAP_ADMIN_EMAIL: 'a@example.com' })).toThrow(/BOOTSTRAP_ADMIN_PASSWORD: missing/);
    expect(() => loadAccountsSettings({ BOOTSTRAP_ADMIN_EMAIL: 'nope', BOOTSTRAP_ADMIN_PASSWORD: 'x' })).toThrow(/BOOTSTRAP_ADMIN_EMAIL/);
    expect(() => loadAccountsSettings({ ACCESS_TOKEN_TTL_SECONDS: 'soon' })).toThrow(/ACCESS_TOKEN_TTL_SECONDS/);
  });
});
