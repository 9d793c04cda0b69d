import type { FieldProblem } from '@vitrine/platform/domain';

/**
 * A non-refundable down payment some expensive or customised products require
 * at order (seed 004). The amount is in the product's
 * currency; null when none is required.
 */
export interface DownPayment {
  required: boolean;
  amount: number | null;
}

export const noDownPayment: DownPayment = { required: false, amount: null };

export interface DownPaymentInput {
  required: boolean;
  amount?: { amount: number; currency: string } | null;
}

/**
 * Required means an amount: positive, in the product's currency and below the
 * price (a down payment equal to the price is a full payment, which the store
 * policy's payment plan decides, not the product). Not required means no amount,
 * so nobody reads a stale figure.
 */
export function checkDownPayment(
  input: DownPaymentInput,
  price: { amount: number; currency: string },
  field = 'downPayment',
): { downPayment: DownPayment; problems: FieldProblem[] } {
  const amount = input.amount ?? null;
  if (!input.required) {
    const problems =
      amount === null ? [] : [{ field: `${field}.amount`, reason: 'NOT_REQUIRED', message: 'Give an amount only when a down payment is required.' }];
    return { downPayment: noDownPayment, problems };
  }
  if (amount === null) {
    return { downPayment: noDownPayment, problems: [{ field: `${field}.amount`, reason: 'REQUIRED', message: 'Say how much the down payment is.' }] };
  }
  const problems: FieldProblem[] = [];
  if (amount.currency !== price.currency) {
    problems.push({
      field: `${field}.amount.currency`,
      reason: 'CURRENCY_MISMATCH',
      message: `The down payment must be in the product's currency (${price.currency}).`,
    });
  }
  if (!Number.isInteger(amount.amount) || amount.amount <= 0 || amount.amount >= price.amount) {
    problems.push({
      field: `${field}.amount.amount`,
      reason: 'OUT_OF_RANGE',
      message: 'The down payment must be a whole number of minor units above zero and below the price.',
    });
  }
  return { downPayment: { required: true, amount: amount.amount }, problems };
}

/** A price change must leave room for the down payment already required. */
export function checkPriceAboveDownPayment(priceAmount: number, downPayment: DownPayment, field = 'price.amount'): FieldProblem[] {
  if (downPayment.amount === null || priceAmount > downPayment.amount) return [];
  return [{ field, reason: 'BELOW_DOWN_PAYMENT', message: `The price must stay above the required down payment (${downPayment.amount}).` }];
}
