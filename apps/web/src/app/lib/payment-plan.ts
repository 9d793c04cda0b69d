import { formatMoney, type MoneyValue } from './format.js';

export type PlanKind = 'DEPOSIT' | 'FULL_PAYMENT' | 'PAY_ON_ARRIVAL' | 'CHARGE_AT_SHIP';

export interface PlanFacts {
  kind: PlanKind;
  depositPercent?: number | null;
  fullPaymentAllowed: boolean;
  price: MoneyValue;
  /** A non-refundable down payment the product requires (pay on arrival), if any. */
  downPayment?: MoneyValue | null;
}

/**
 * A preorder's payment plan in plain words, as the product page shows it. The amounts come from the
 * campaign's terms and the price; what is actually charged is always computed by orders and payments.
 */
export function planInWords(plan: PlanFacts): string[] {
  switch (plan.kind) {
    case 'DEPOSIT': {
      const percent = plan.depositPercent ?? 0;
      const deposit = { ...plan.price, amount: Math.round((plan.price.amount * percent) / 100) };
      const balance = { ...plan.price, amount: plan.price.amount - deposit.amount };
      return [
        `Pay a ${percent}% deposit now (${formatMoney(deposit)}) and the balance (${formatMoney(balance)}, plus shipping) when it is released.`,
        ...(plan.fullPaymentAllowed ? [`Or pay the whole ${formatMoney(plan.price)} now.`] : []),
      ];
    }
    case 'FULL_PAYMENT':
      return [`Pay the whole ${formatMoney(plan.price)} when you order.`];
    case 'PAY_ON_ARRIVAL':
      return [
        plan.downPayment
          ? `Pay a non-refundable down payment of ${formatMoney(plan.downPayment)} now; the rest is due when it reaches our warehouse.`
          : 'Nothing to pay now: you pay when it reaches our warehouse (we send you a payment link).',
      ];
    case 'CHARGE_AT_SHIP':
      return ['Nothing to pay now: your saved card is charged on the day its shipping date is fixed.'];
  }
}
