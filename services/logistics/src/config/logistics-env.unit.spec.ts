import { describe, expect, it } from 'vitest';
import { ConfigError } from '@vitrine/platform';
import { loadLogisticsSettings } from './logistics-env.js';

const secret = `whsec_${Buffer.from('a carrier secret of some length').toString('base64')}`;

describe('loadLogisticsSettings', () => {
  it('defaults: no carrier may call, five minutes of tolerance', () => {
    const settings = loadLogisticsSettings({});
    expect([...settings.carrierWebhookSecrets]).toEqual([]);
    expect(settings.carrierWebhookToleranceSeconds).toBe(300);
  });

  it('reads one secret per carrier', () => {
    const settings = loadLogisticsSettings({
      LOGISTICS_CARRIER_WEBHOOK_SECRETS: `COLISSIMO=${secret}, DHL=${secret}`,
      LOGISTICS_CARRIER_WEBHOOK_TOLERANCE_SECONDS: '60',
    });
    expect([...settings.carrierWebhookSecrets.keys()]).toEqual(['COLISSIMO', 'DHL']);
    expect(settings.carrierWebhookToleranceSeconds).toBe(60);
  });

  it('fails fast naming the variable, never echoing a secret', () => {
    const bad = (env: Record<string, string>) => () => loadLogisticsSettings(env);
    expect(bad({ LOGISTICS_CARRIER_WEBHOOK_SECRETS: 'COLISSIMO=plain-text-secret' })).toThrow(ConfigError);
    expect(bad({ LOGISTICS_CARRIER_WEBHOOK_SECRETS: 'COLISSIMO=plain-text-secret' })).toThrow(/LOGISTICS_CARRIER_WEBHOOK_SECRETS: the secret of COLISSIMO/);
    expect(bad({ LOGISTICS_CARRIER_WEBHOOK_SECRETS: 'COLISSIMO=plain-text-secret' })).not.toThrow(/plain-text-secret/);
    expect(bad({ LOGISTICS_CARRIER_WEBHOOK_SECRETS: `colissimo=${secret}` })).toThrow(/CARRIER=whsec_/);
    expect(bad({ LOGISTICS_CARRIER_WEBHOOK_SECRETS: `SANDBOX=${secret}` })).toThrow(/built-in sandbox carrier/);
    expect(bad({ LOGISTICS_CARRIER_WEBHOOK_SECRETS: `DHL=${secret},DHL=${secret}` })).toThrow(/DHL is given twice/);
    expect(bad({ LOGISTICS_CARRIER_WEBHOOK_TOLERANCE_SECONDS: '5' })).toThrow(/LOGISTICS_CARRIER_WEBHOOK_TOLERANCE_SECONDS/);
  });
});
