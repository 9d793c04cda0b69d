import { describe, expect, it } from 'vitest';
import { presets } from '@vitrine/policy';
import { refusal } from './claim-refusal.js';

const statueStore = presets['statue-store'];

describe('refusing a claim under statue-store (002)', () => {
  it.each([
    'claims.not-covered-exterior-brown-box',
    'claims.not-covered-art-box',
    'claims.not-covered-minor-scratches',
    'claims.not-covered-glue-fixable-parts',
    'claims.not-covered-china-stock',
    'claims.not-covered-released-long-ago',
  ])('%s refuses an in-stock claim, naming the rule', (ruleId) => {
    expect(refusal(statueStore, ruleId, 'IN_STOCK')).toMatchObject({ ok: true, rule: { id: ruleId } });
  });

  it('exclusions apply to preorders too; coverage rules never do (preorders are always covered)', () => {
    expect(refusal(statueStore, 'claims.not-covered-art-box', 'PREORDER').ok).toBe(true);
    expect(refusal(statueStore, 'claims.not-covered-china-stock', 'PREORDER')).toMatchObject({
      ok: false,
      reason: 'PREORDERS_COVERED',
      rule: { id: 'claims.preorders-covered' },
    });
  });

  it('refuses a ground the policy does not name, listing the ones it does', () => {
    const result = refusal(presets['deposit-store'], 'claims.not-covered-art-box', 'IN_STOCK');
    expect(result).toMatchObject({ ok: false, reason: 'NOT_A_REFUSAL_GROUND' });
    expect(!result.ok && result.message).toContain('claims.not-covered-minor-packaging-wrinkles');
    expect(refusal(presets['charge-at-ship'], 'claims.not-covered-art-box', 'IN_STOCK')).toMatchObject({
      ok: false,
      message: expect.stringContaining('no exclusions'),
    });
  });
});
