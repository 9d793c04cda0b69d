import { isUuid, type FieldProblem } from '@vitrine/platform/domain';
import type { OrderLimits } from './order-limits.js';
import { notOrderableReasons, preorderProductStatus } from '@vitrine/contracts';

export interface RequestedLine {
  productId: string;
  quantity: number;
}

export interface PricedProduct {
  id: string;
  priceAmount: number;
  priceCurrency: string;
  /** Catalog's status name (contracts' notOrderableReasons says what it allows). */
  status: string;
  /** Countries where licensing forbids selling it. */
  regionBlocks: readonly string[];
  /** Units allowed in one order, summed over its lines; null: no per-order limit. */
  maxQuantityPerOrder?: number | null;
}

/** Who is ordering, as far as the order rules care. */
export interface Orderer {
  /** ISO country code, or null while accounts' CustomerRegistered has not reached orders yet. */
  country: string | null;
}

export interface DraftLine extends RequestedLine {
  unitPriceAmount: number;
}

export type DraftResult = { ok: true; lines: DraftLine[]; totalAmount: number; currency: string } | { ok: false; problems: FieldProblem[] };

/**
 * Checks an order request against the store's limits, the products it knows,
 * their orderability (status and region blocks) and their per-order limits. Every problem with the lines is reported at once,
 * each on its line:
 * - no lines or too many (EMPTY, TOO_MANY_LINES), a malformed or unknown
 *   product (MALFORMED_ID, UNKNOWN_PRODUCT), a quantity out of range;
 * - a product the customer may not order (contracts' notOrderableReasons:
 *   NOT_ORDERABLE, BLOCKED_IN_REGION, or REGION_UNKNOWN while a brand-new
 *   account's country has not reached orders);
 * - more units of a product than its per-order limit, summed over every line
 *   of that product: OVER_PRODUCT_LIMIT, on each of those lines.
 * Only an order whose lines are all fine is then checked as a whole:
 * preorders and items for sale now together (MIXED_PREORDER_AND_STOCK,
 * seed 004: pre-orders and in-stock orders never share an order, as they are
 * paid and shipped on different terms and dates), or
 * prices in several currencies (MIXED_CURRENCIES).
 */
export function draftOrder(
  requested: RequestedLine[],
  products: ReadonlyMap<string, PricedProduct>,
  limits: OrderLimits,
  orderer: Orderer,
  /** Checkout splits a cart into a preorder order and an in-stock order itself; placeOrder refuses a mixed cart. */
  options: { mixed: 'refuse' | 'split' } = { mixed: 'refuse' },
): DraftResult {
  const problems: FieldProblem[] = [];
  if (requested.length === 0) problems.push({ field: 'lines', reason: 'EMPTY', message: 'An order needs at least one line.' });
  if (requested.length > limits.maxLines) {
    problems.push({ field: 'lines', reason: 'TOO_MANY_LINES', message: `An order can have at most ${limits.maxLines} lines.`, max: limits.maxLines });
  }
  requested.forEach((line, i) => {
    const field = `lines.${i}`;
    if (!isUuid(line.productId)) {
      problems.push({ field: `${field}.productId`, reason: 'MALFORMED_ID', message: 'Not a valid product id.' });
    } else if (!products.has(line.productId.toLowerCase())) {
      problems.push({ field: `${field}.productId`, reason: 'UNKNOWN_PRODUCT', message: 'This product does not exist.' });
    }
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > limits.maxQuantityPerLine) {
      problems.push({
        field: `${field}.quantity`,
        reason: 'OUT_OF_RANGE',
        message: `Quantity must be between 1 and ${limits.maxQuantityPerLine}.`,
        max: limits.maxQuantityPerLine,
      });
    }
  });
  problems.push(...checkOrderabilityAndPerOrderLimit(requested, products, orderer));
  if (problems.length > 0) return { ok: false, problems };
  const preorders = requested.filter((l) => products.get(l.productId.toLowerCase())!.status === preorderProductStatus).length;
  if (options.mixed === 'refuse' && preorders > 0 && preorders < requested.length) {
    return {
      ok: false,
      problems: [
        {
          field: 'lines',
          reason: 'MIXED_PREORDER_AND_STOCK',
          message: 'Preorders and items in stock are ordered separately: please place one order for each.',
        },
      ],
    };
  }

  const currencies = new Set(requested.map((l) => products.get(l.productId.toLowerCase())!.priceCurrency));
  if (currencies.size > 1) {
    return { ok: false, problems: [{ field: 'lines', reason: 'MIXED_CURRENCIES', message: 'All products in one order must be priced in the same currency.' }] };
  }
  const lines = requested.map((line) => {
    const product = products.get(line.productId.toLowerCase())!;
    return { productId: product.id, quantity: line.quantity, unitPriceAmount: product.priceAmount };
  });
  const totalAmount = lines.reduce((sum, l) => sum + l.unitPriceAmount * l.quantity, 0);
  return { ok: true, lines, totalAmount, currency: [...currencies][0]! };
}

/** Orderability (status, region blocks) and the per-order limit, for the lines whose product is known. */
function checkOrderabilityAndPerOrderLimit(requested: RequestedLine[], products: ReadonlyMap<string, PricedProduct>, orderer: Orderer): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const productOf = (line: RequestedLine) => (isUuid(line.productId) ? products.get(line.productId.toLowerCase()) : undefined);
  const totals = new Map<string, number>();
  for (const line of requested) {
    const product = productOf(line);
    if (product && Number.isInteger(line.quantity) && line.quantity > 0) totals.set(product.id, (totals.get(product.id) ?? 0) + line.quantity);
  }
  requested.forEach((line, i) => {
    const product = productOf(line);
    if (!product) return;
    const field = `lines.${i}`;
    for (const { reason, message } of notOrderableReasons(product, orderer.country)) {
      // The status and country let a client word the refusal in its own language.
      problems.push({ field: `${field}.productId`, reason, message, status: product.status, country: orderer.country ?? undefined });
    }
    const max = product.maxQuantityPerOrder ?? null;
    const total = totals.get(product.id) ?? 0;
    if (max !== null && total > max) {
      problems.push({
        field: `${field}.quantity`,
        reason: 'OVER_PRODUCT_LIMIT',
        message: `At most ${max} of this product per order (this order has ${total}).`,
        max,
        total,
      });
    }
  });
  return problems;
}
