import { isUuid, type FieldProblem } from '@vitrine/platform';
import type { OrderLimits } from './order-limits.js';

export interface RequestedLine {
  productId: string;
  quantity: number;
}

export interface PricedProduct {
  id: string;
  priceAmount: number;
  priceCurrency: string;
}

export interface DraftLine extends RequestedLine {
  unitPriceAmount: number;
}

export type DraftResult =
  | { ok: true; lines: DraftLine[]; totalAmount: number; currency: string }
  | { ok: false; problems: FieldProblem[] };

/** Checks an order request against the store's limits and the products it knows, reporting every problem. */
export function draftOrder(requested: RequestedLine[], products: ReadonlyMap<string, PricedProduct>, limits: OrderLimits): DraftResult {
  const problems: FieldProblem[] = [];
  if (requested.length === 0) problems.push({ field: 'lines', reason: 'EMPTY', message: 'An order needs at least one line.' });
  if (requested.length > limits.maxLines) {
    problems.push({ field: 'lines', reason: 'TOO_MANY_LINES', message: `An order can have at most ${limits.maxLines} lines.` });
  }
  requested.forEach((line, i) => {
    const field = `lines.${i}`;
    if (!isUuid(line.productId)) {
      problems.push({ field: `${field}.productId`, reason: 'MALFORMED_ID', message: 'Not a valid product id.' });
    } else if (!products.has(line.productId.toLowerCase())) {
      problems.push({ field: `${field}.productId`, reason: 'UNKNOWN_PRODUCT', message: 'This product does not exist.' });
    }
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > limits.maxQuantityPerLine) {
      problems.push({ field: `${field}.quantity`, reason: 'OUT_OF_RANGE', message: `Quantity must be between 1 and ${limits.maxQuantityPerLine}.` });
    }
  });
  if (problems.length > 0) return { ok: false, problems };

  const lines = requested.map((line) => {
    const product = products.get(line.productId.toLowerCase())!;
    return { productId: product.id, quantity: line.quantity, unitPriceAmount: product.priceAmount };
  });
  const currencies = new Set(requested.map((l) => products.get(l.productId.toLowerCase())!.priceCurrency));
  if (currencies.size > 1) {
    return { ok: false, problems: [{ field: 'lines', reason: 'MIXED_CURRENCIES', message: 'All products in one order must be priced in the same currency.' }] };
  }
  const totalAmount = lines.reduce((sum, l) => sum + l.unitPriceAmount * l.quantity, 0);
  return { ok: true, lines, totalAmount, currency: [...currencies][0]! };
}
