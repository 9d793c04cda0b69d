import { describe, expect, it } from 'vitest';
import { checkCampaignTerms } from '../domain/preorder-campaign.js';
import { campaignDates, demoCampaigns } from './demo-campaigns.js';
import { demoProducts } from './demo-products.js';

describe('demo preorder windows', () => {
  const now = new Date('2026-11-25T12:00:00Z');

  it.each(demoCampaigns.map((c) => [c.sku, c] as const))('%s has valid terms for a product in the right status', (_sku, campaign) => {
    const product = demoProducts.find((p) => p.sku === campaign.sku);
    expect(product).toBeDefined();
    const finalStatus = product!.path.at(-1);
    expect(finalStatus).toBe(campaign.opensInDays === undefined ? 'PREORDER' : 'ANNOUNCED');
    const { opensAt, closesAt } = campaignDates(campaign, now);
    expect(checkCampaignTerms({ opensAt, closesAt, paymentPlan: campaign.paymentPlan, limitedQuantity: campaign.limitedQuantity ?? null }, now)).toEqual([]);
  });

  it('shows every payment plan and both a scheduled and a limited window', () => {
    expect(new Set(demoCampaigns.map((c) => c.paymentPlan?.kind))).toEqual(new Set(['DEPOSIT', 'FULL_PAYMENT', 'PAY_ON_ARRIVAL', 'CHARGE_AT_SHIP']));
    expect(demoCampaigns.some((c) => c.opensInDays !== undefined)).toBe(true);
    expect(demoCampaigns.some((c) => c.limitedQuantity !== undefined)).toBe(true);
  });
});
