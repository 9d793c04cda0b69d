export interface CatalogLimits {
  maxPriceAmount: number;
  maxStock: number;
  currencies: readonly string[];
}

/** Limits a store can change; these are the platform defaults. */
export const defaultCatalogLimits: CatalogLimits = {
  maxPriceAmount: 100_000_000,
  maxStock: 1_000_000,
  currencies: ['USD', 'EUR', 'GBP', 'JPY', 'CNY', 'CAD', 'AUD'],
};
