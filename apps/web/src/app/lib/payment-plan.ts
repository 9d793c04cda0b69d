import { formatMoney, type Locale, type MoneyValue } from './format.js';
import { en } from './messages/en.js';
import { fr } from './messages/fr.js';

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
export function planInWords(plan: PlanFacts, locale: Locale = 'en'): string[] {
  const words = (locale === 'fr' ? fr : en).plan;
  const money = (value: MoneyValue) => formatMoney(value, locale);
  switch (plan.kind) {
    case 'DEPOSIT': {
      const percent = plan.depositPercent ?? 0;
      const deposit = { ...plan.price, amount: Math.round((plan.price.amount * percent) / 100) };
      const balance = { ...plan.price, amount: plan.price.amount - deposit.amount };
      return [words.deposit(percent, money(deposit), money(balance)), ...(plan.fullPaymentAllowed ? [words.orFull(money(plan.price))] : [])];
    }
    case 'FULL_PAYMENT':
      return [words.full(money(plan.price))];
    case 'PAY_ON_ARRIVAL':
      return [plan.downPayment ? words.downPayment(money(plan.downPayment)) : words.onArrival];
    case 'CHARGE_AT_SHIP':
      return [words.chargeAtShip];
  }
}
