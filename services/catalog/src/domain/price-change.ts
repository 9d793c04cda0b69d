import type { FieldProblem } from '@vitrine/platform/domain';
import { PolicyViolation } from '@vitrine/platform/domain';
import { checkPriceAboveDownPayment, type DownPayment } from './down-payment.js';
import { defaultCatalogLimits, type CatalogLimits } from './catalog-limits.js';

export type PriceDecision = { kind: 'CHANGE'; amount: number } | { kind: 'UNCHANGED' };

/** The new amount's own problems (whole minor units in range), before looking at the product. */
export function checkPriceAmount(amount: number, limits: CatalogLimits = defaultCatalogLimits): FieldProblem[] {
  if (Number.isInteger(amount) && amount >= 0 && amount <= limits.maxPriceAmount) return [];
  return [{ field: 'price.amount', reason: 'OUT_OF_RANGE', message: `Price must be a whole number of minor units between 0 and ${limits.maxPriceAmount}.` }];
}

/**
 * Prices include tax on the product; shipping is charged apart (seed 003). The currency is fixed at creation:
 * orders, payments and down payments already placed are in it, and a
 * "conversion" would really be a new product for another market. The price
 * must stay above a required down payment. The same price again changes
 * nothing (a retry writes no second event).
 */
export function decidePriceChange(
  current: { amount: number; currency: string; downPayment: DownPayment },
  next: { amount: number; currency: string },
): { decision: PriceDecision; problems: FieldProblem[] } {
  if (next.currency !== current.currency) {
    throw new PolicyViolation(`This product is sold in ${current.currency}; its currency cannot change.`, 'PRICE_CURRENCY_FIXED', {
      currency: current.currency,
    });
  }
  const problems = checkPriceAboveDownPayment(next.amount, current.downPayment);
  if (problems.length > 0) return { decision: { kind: 'UNCHANGED' }, problems };
  return { decision: next.amount === current.amount ? { kind: 'UNCHANGED' } : { kind: 'CHANGE', amount: next.amount }, problems: [] };
}
