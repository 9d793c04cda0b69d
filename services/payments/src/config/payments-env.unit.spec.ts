import { describe, expect, it } from 'vitest';
import { ConfigError } from '@vitrine/platform';
import { loadPaymentsSettings, localDefaults } from './payments-env.js';

describe('loadPaymentsSettings', () => {
  it('runs the sandbox with local secrets when nothing is set (npm start)', () => {
    expect(loadPaymentsSettings({})).toMatchObject({
      PAYMENTS_PROVIDER: 'sandbox',
      PAYMENTS_DUE_WAIT_MS: 3000,
      PAYMENTS_PROVIDER_TIMEOUT_MS: 10_000,
      PAYMENTS_PAY_LINK_SECRET: localDefaults.PAYMENTS_PAY_LINK_SECRET,
      SANDBOX_WEBHOOK_SECRET: localDefaults.SANDBOX_WEBHOOK_SECRET,
    });
  });

  it('refuses the local secrets, and their absence, in production, naming each variable', () => {
    expect(() => loadPaymentsSettings({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadPaymentsSettings({ NODE_ENV: 'production' })).toThrow(
      /PAYMENTS_PAY_LINK_SECRET: missing \(required in production\)[\s\S]*SANDBOX_WEBHOOK_SECRET: missing/,
    );
    expect(() => loadPaymentsSettings({ NODE_ENV: 'production', ...localDefaults })).toThrow(
      /PAYMENTS_PAY_LINK_SECRET: the local default cannot be used in production/,
    );
  });

  it('reads the origins the pay-now page may return to, refusing anything that is not one', () => {
    expect(loadPaymentsSettings({}).PAYMENTS_RETURN_ORIGINS).toEqual(['http://localhost:3000', 'http://127.0.0.1:3000']);
    expect(loadPaymentsSettings({ PAYMENTS_RETURN_ORIGINS: 'https://shop.example.com' }).PAYMENTS_RETURN_ORIGINS).toEqual(['https://shop.example.com']);
    expect(() => loadPaymentsSettings({ PAYMENTS_RETURN_ORIGINS: 'https://shop.example.com/orders' })).toThrow(
      /PAYMENTS_RETURN_ORIGINS: expected comma-separated origins/,
    );
  });

  it('needs Stripe’s keys for Stripe, and a test key outside production', () => {
    expect(() => loadPaymentsSettings({ PAYMENTS_PROVIDER: 'stripe' })).toThrow(/STRIPE_SECRET_KEY: missing[\s\S]*STRIPE_WEBHOOK_SECRET: missing/);
    expect(() => loadPaymentsSettings({ PAYMENTS_PROVIDER: 'stripe', STRIPE_SECRET_KEY: 'sk_live_abc', STRIPE_WEBHOOK_SECRET: 'whsec_abc' })).toThrow(
      /STRIPE_SECRET_KEY: a live key outside production/,
    );
    expect(loadPaymentsSettings({ PAYMENTS_PROVIDER: 'stripe', STRIPE_SECRET_KEY: 'sk_test_abc', STRIPE_WEBHOOK_SECRET: 'whsec_abc' })).toMatchObject({
      PAYMENTS_PROVIDER: 'stripe',
    });
  });

  it('names a bad value', () => {
    expect(() => loadPaymentsSettings({ PAYMENTS_PROVIDER: 'paypal' })).toThrow(/PAYMENTS_PROVIDER/);
    expect(() => loadPaymentsSettings({ PAYMENTS_DUE_WAIT_MS: 'soon' })).toThrow(/PAYMENTS_DUE_WAIT_MS/);
    expect(() => loadPaymentsSettings({ PAYMENTS_PAY_LINK_SECRET: 'short' })).toThrow(/PAYMENTS_PAY_LINK_SECRET: at least 32 characters/);
    expect(() => loadPaymentsSettings({ SANDBOX_WEBHOOK_SECRET: 'plain' })).toThrow(/SANDBOX_WEBHOOK_SECRET: expected a Standard Webhooks secret/);
  });
});
