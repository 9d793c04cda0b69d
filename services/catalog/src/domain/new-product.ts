import type { FieldProblem } from '@vitrine/platform/domain';
import { defaultCatalogLimits, type CatalogLimits } from './catalog-limits.js';
import { checkDownPayment, noDownPayment, type DownPayment, type DownPaymentInput } from './down-payment.js';
import type { OwnImageStore } from './product-images.js';
import { checkProductDetails, emptyProductDetails, type ProductDetails, type ProductDetailsInput } from './product-details.js';
import { initialProductStatuses, type ProductStatus } from './product-status.js';
import { checkPriceAmount } from './price-change.js';
import { checkSaleRules, type SaleRules } from './sale-rules.js';
import { checkPoolCapacity } from './stock-change.js';

export interface NewProductInput extends ProductDetailsInput {
  sku: string;
  name: string;
  priceAmount: number;
  priceCurrency: string;
  /** Units received at creation into `warehouseId` (or the default warehouse for the status); none by default. */
  stock?: number;
  /** Where `stock` is received; checked to exist by the use case. */
  warehouseId?: string;
  /** A PREORDER (or ANNOUNCED) product's limited quantity (the units of its limited run); open-ended by default. */
  limitedQuantity?: number | null;
  /** The input field the limited quantity came from, for problems: `limitedQuantity`, or the deprecated `preorderLimit`. */
  limitedQuantityField?: 'limitedQuantity' | 'preorderLimit';
  /** Defaults to IN_STOCK: orderable at once. */
  status?: ProductStatus;
  /** Checked to exist by the use case. */
  studioId?: string;
  /** Countries where licensing forbids the sale (domain/sale-rules); none by default. */
  regionBlocks?: readonly string[];
  /** Units allowed in one order; no per-order limit by default. */
  maxQuantityPerOrder?: number | null;
  /** Units one customer may hold across orders; none by default. */
  maxQuantityPerCustomer?: number | null;
  /** None by default. */
  downPayment?: DownPaymentInput | null;
}

/** A new product's values once checked: trimmed, with its sale rules, details and down payment over the defaults. */
export interface CleanProduct {
  sku: string;
  name: string;
  rules: SaleRules;
  details: ProductDetails;
  downPayment: DownPayment;
}

/** A product name: 1 to 200 characters once trimmed. */
export function checkProductName(name: string): FieldProblem[] {
  const trimmed = name.trim();
  if (trimmed.length > 0 && trimmed.length <= 200) return [];
  return [{ field: 'name', reason: 'INVALID_LENGTH', message: 'Name must be between 1 and 200 characters.' }];
}

/** Every problem with a new product at once, so a back-office form can show them all; the cleaned values when none. */
export function checkNewProduct(
  input: NewProductInput,
  limits: CatalogLimits = defaultCatalogLimits,
  ownImages: OwnImageStore | null = null,
): { product: CleanProduct; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const sku = input.sku.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(sku)) {
    problems.push({ field: 'sku', reason: 'INVALID_SKU', message: 'SKU must be 1-64 letters, digits, dots, dashes or underscores.' });
  }
  problems.push(...checkProductName(input.name));
  problems.push(...checkPriceAmount(input.priceAmount, limits));
  if (!limits.currencies.includes(input.priceCurrency)) {
    problems.push({ field: 'price.currency', reason: 'UNSUPPORTED_CURRENCY', message: `Currency must be one of ${limits.currencies.join(', ')}.` });
  }
  const stock = input.stock ?? 0;
  if (!Number.isInteger(stock) || stock < 0 || stock > limits.maxStock) {
    problems.push({ field: 'stock', reason: 'OUT_OF_RANGE', message: `Stock must be a whole number between 0 and ${limits.maxStock}.` });
  }
  if (input.status !== undefined && !initialProductStatuses.includes(input.status)) {
    problems.push({ field: 'status', reason: 'NOT_AN_INITIAL_STATUS', message: `A new product starts as one of ${initialProductStatuses.join(', ')}.` });
  }
  if (input.limitedQuantity != null) {
    const field = input.limitedQuantityField ?? 'limitedQuantity';
    if (input.status !== 'PREORDER' && input.status !== 'ANNOUNCED') {
      problems.push({ field, reason: 'NOT_A_PREORDER', message: 'Only a product created as PREORDER or ANNOUNCED takes a limited quantity.' });
    } else {
      // Nothing has arrived yet: the preorder pool's capacity is the limited quantity.
      problems.push(...checkPoolCapacity(input.limitedQuantity, field));
    }
  }
  const sale = checkSaleRules(input);
  const described = newProductDetails(input, ownImages);
  problems.push(...sale.problems, ...described.problems);
  return { product: { sku, name: input.name.trim(), rules: sale.rules, details: described.details, downPayment: described.downPayment }, problems };
}

/** The details and down payment a new product starts with: what was given, checked, over the defaults. */
export function newProductDetails(
  input: NewProductInput,
  ownImages: OwnImageStore | null = null,
): { details: ProductDetails; downPayment: DownPayment; problems: FieldProblem[] } {
  const checked = checkProductDetails(input, ownImages);
  const down = input.downPayment
    ? checkDownPayment(input.downPayment, { amount: input.priceAmount, currency: input.priceCurrency })
    : { downPayment: noDownPayment, problems: [] };
  return { details: { ...emptyProductDetails, ...checked.details }, downPayment: down.downPayment, problems: [...checked.problems, ...down.problems] };
}
