import type { OrderFacts, Paid } from './order-facts.js';

/** Test orders: a USD order with nothing paid and no milestones, changed by `overrides`. */
export function orderFacts(overrides: Partial<Omit<OrderFacts, 'paid'>> & { paid?: Partial<Paid> } = {}): OrderFacts {
  const { paid, ...rest } = overrides;
  return {
    kind: 'PREORDER',
    plan: 'DEPOSIT',
    currency: 'USD',
    total: 20000,
    deposit: 0,
    placedAt: new Date('2026-03-02T10:00:00Z'),
    ...rest,
    paid: { deposit: 0, balance: 0, full: 0, downPayment: 0, shipping: 0, ...paid },
  };
}

export const at = (iso: string): Date => new Date(iso);
