import type { FieldProblem } from '@vitrine/platform/domain';
import { isCountryCode } from '@vitrine/contracts';

/** A product's sale rules, set together by staff: its region blocks (where it may not be sold) and its per-order limit. */
export interface SaleRules {
  /** ISO 3166-1 alpha-2 countries where licensing forbids the sale, upper case, sorted, no duplicates. */
  regionBlocks: string[];
  /** At most this many units in one order; null: no per-order limit (the store's own limits still apply). */
  maxQuantityPerOrder: number | null;
  /** At most this many units per customer across all their orders (a limited run one buyer cannot sweep); null: none. */
  maxQuantityPerCustomer: number | null;
}

export const saleRuleLimits = { maxRegionBlocks: 249, maxQuantityPerOrder: 10_000, maxQuantityPerCustomer: 10_000 } as const;

/** Normalises (trim, upper case, dedupe, sort) and checks sale rules, reporting every problem at once. */
export function checkSaleRules(input: {
  regionBlocks?: readonly string[] | null;
  maxQuantityPerOrder?: number | null;
  maxQuantityPerCustomer?: number | null;
}): {
  rules: SaleRules;
  problems: FieldProblem[];
} {
  const problems: FieldProblem[] = [];
  const codes = (input.regionBlocks ?? []).map((c) => c.trim().toUpperCase());
  codes.forEach((code, i) => {
    if (!isCountryCode(code)) {
      problems.push({ field: `regionBlocks.${i}`, reason: 'UNKNOWN_COUNTRY', message: `${code || '(empty)'} is not an ISO 3166-1 alpha-2 country code.` });
    }
  });
  const regionBlocks = [...new Set(codes)].sort();
  if (regionBlocks.length > saleRuleLimits.maxRegionBlocks) {
    problems.push({ field: 'regionBlocks', reason: 'TOO_MANY', message: `At most ${saleRuleLimits.maxRegionBlocks} countries.` });
  }
  const max = input.maxQuantityPerOrder ?? null;
  if (max !== null && (!Number.isInteger(max) || max < 1 || max > saleRuleLimits.maxQuantityPerOrder)) {
    problems.push({
      field: 'maxQuantityPerOrder',
      reason: 'OUT_OF_RANGE',
      message: `The per-order limit must be a whole number between 1 and ${saleRuleLimits.maxQuantityPerOrder} (or none).`,
    });
  }
  const perCustomer = input.maxQuantityPerCustomer ?? null;
  if (perCustomer !== null && (!Number.isInteger(perCustomer) || perCustomer < 1 || perCustomer > saleRuleLimits.maxQuantityPerCustomer)) {
    problems.push({
      field: 'maxQuantityPerCustomer',
      reason: 'OUT_OF_RANGE',
      message: `The per-customer limit must be a whole number between 1 and ${saleRuleLimits.maxQuantityPerCustomer} (or none).`,
    });
  } else if (perCustomer !== null && max !== null && Number.isInteger(max) && perCustomer < max) {
    problems.push({
      field: 'maxQuantityPerCustomer',
      reason: 'BELOW_PER_ORDER_LIMIT',
      message: `A customer may hold at most ${perCustomer} in all, fewer than one order may hold (${max}): raise it or lower the per-order limit.`,
    });
  }
  return { rules: { regionBlocks, maxQuantityPerOrder: max, maxQuantityPerCustomer: perCustomer }, problems };
}
