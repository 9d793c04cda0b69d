import type { PaymentPlan } from '@vitrine/contracts';

const day = 24 * 60 * 60 * 1000;

/**
 * Terms of the demo preorder windows, by SKU, applied after the products
 * reach their status: each open window gets a close date and the payment
 * plan of one of the seed stores (deposit 000, pay on arrival 004, charge at
 * ship 003), and one announced statue gets a window that opens on its own.
 * Dates are relative to the seed's run, so the demo always has live windows.
 */
export interface DemoCampaign {
  sku: string;
  /** Days from the seed's run; only for a window that is still to open. */
  opensInDays?: number;
  closesInDays: number;
  paymentPlan: PaymentPlan | null;
  /** A scheduled window's limited quantity; open windows keep the one they were created with. */
  limitedQuantity?: number;
}

const deposit30: PaymentPlan = { kind: 'DEPOSIT', depositPercent: 30, fullPaymentAllowed: true };
const payOnArrival: PaymentPlan = { kind: 'PAY_ON_ARRIVAL', depositPercent: null, fullPaymentAllowed: false };
const chargeAtShip: PaymentPlan = { kind: 'CHARGE_AT_SHIP', depositPercent: null, fullPaymentAllowed: false };

export const demoCampaigns: readonly DemoCampaign[] = [
  { sku: 'PRS-MOMO-17', closesInDays: 45, paymentPlan: deposit30 },
  { sku: 'RLR-MECHA-LTD', closesInDays: 20, paymentPlan: { kind: 'DEPOSIT', depositPercent: 50, fullPaymentAllowed: true } },
  { sku: 'IRC-WIDOW-14', closesInDays: 60, paymentPlan: payOnArrival },
  { sku: 'LUM-SIREN-16', closesInDays: 10, paymentPlan: chargeAtShip },
  { sku: 'PRS-KAITO-NEN', closesInDays: 30, paymentPlan: { kind: 'FULL_PAYMENT', depositPercent: null, fullPaymentAllowed: false } },
  // Announced at a show: preorders open in two weeks, for a month, 300 pieces.
  { sku: 'LUM-KNIGHT-13', opensInDays: 14, closesInDays: 44, paymentPlan: deposit30, limitedQuantity: 300 },
];

export const demoCampaignReason = 'Terms agreed with the studio.';

export function campaignDates(campaign: DemoCampaign, now: Date): { opensAt: Date | null; closesAt: Date } {
  return {
    opensAt: campaign.opensInDays === undefined ? null : new Date(now.getTime() + campaign.opensInDays * day),
    closesAt: new Date(now.getTime() + campaign.closesInDays * day),
  };
}
