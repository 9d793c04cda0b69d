import type { FieldProblem } from '@vitrine/platform/domain';
import { isCountryCode } from '@vitrine/contracts';

/** Where and how much of a product may be sold in one order. */
export interface SaleRules {
  /** ISO 3166-1 alpha-2 countries where licensing forbids the sale, upper case, sorted, no duplicates. */
  regionBlocks: string[];
  /** At most this many units in one order; null: no product limit (the store's own limits still apply). */
  maxQuantityPerOrder: number | null;
}

export const saleRuleLimits = { maxRegionBlocks: 249, maxQuantityPerOrder: 10_000 } as const;

/** Normalises (trim, upper case, dedupe, sort) and checks sale rules, reporting every problem at once. */
export function checkSaleRules(input: { regionBlocks?: readonly string[] | null; maxQuantityPerOrder?: number | null }): {
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
  return { rules: { regionBlocks, maxQuantityPerOrder: max }, problems };
}
