import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ProductStatus } from '@vitrine/contracts';
import { BadUserInput, decodeCursor, encodeCursor, isUuid, pageSize, type FieldProblem } from '@vitrine/platform';
import { Product, type ProductFacts } from '../store/product.entity.js';

export const productSorts = ['NEWEST', 'OLDEST', 'PRICE_ASC', 'PRICE_DESC', 'NAME'] as const;
export type ProductSort = (typeof productSorts)[number];

export interface ProductFilter {
  status?: readonly ProductStatus[] | null;
  studioId?: string | null;
  /** Case-insensitive substring of the name, the SKU, the series or the studio's name. */
  text?: string | null;
  /** Case-insensitive, the whole series name ("demon slayer" finds "Demon Slayer"). */
  series?: string | null;
  /** true: only products not blocked in the signed-in customer's country (see listProducts). */
  availableInMyRegion?: boolean | null;
  /** Price in minor units, bounds included. */
  priceRange?: { min?: number | null; max?: number | null } | null;
  /** Only products whose preorder window is open and closes by then ("closing soon"). */
  preorderClosingBefore?: Date | null;
}

export interface ListProductsQuery {
  filter?: ProductFilter | null;
  /** The caller's country when signed in (null: not known yet), undefined when anonymous. */
  myCountry?: () => Promise<string | null>;
  sort?: ProductSort | null;
  first?: number | null;
  after?: string | null;
  /** Count the products matching the filter across pages in the page's own statement (totalCount is asked for). */
  withCount?: boolean;
}

export interface ProductPage {
  items: { cursor: string; product: ProductFacts }[];
  hasNextPage: boolean;
  /** Counting the whole catalog is not free: done only when a client asks for totalCount. */
  countTotal: () => Promise<number>;
}

type SortKey = 'createdAt' | 'priceAmount' | 'name';
const sortColumn: Record<SortKey, string> = { createdAt: 'p.created_at', priceAmount: 'p.price_amount', name: 'p.name' };
const sortOrder: Record<ProductSort, { key: SortKey; direction: 'asc' | 'desc' }> = {
  NEWEST: { key: 'createdAt', direction: 'desc' },
  OLDEST: { key: 'createdAt', direction: 'asc' },
  PRICE_ASC: { key: 'priceAmount', direction: 'asc' },
  PRICE_DESC: { key: 'priceAmount', direction: 'desc' },
  NAME: { key: 'name', direction: 'asc' },
};

const maxTextLength = 200;

interface NormalizedFilter {
  status?: ProductStatus[];
  studioId?: string;
  text?: string;
  series?: string;
  /** Country whose blocked products are left out. */
  availableIn?: string;
  min?: number;
  max?: number;
  closingBefore?: string;
}

/** Every problem with the filter at once, before touching the database. */
export function checkProductFilter(filter: ProductFilter | null | undefined): { problems: FieldProblem[]; normalized: NormalizedFilter } {
  const problems: FieldProblem[] = [];
  const normalized: NormalizedFilter = {};
  if (!filter) return { problems, normalized };
  if (filter.status && filter.status.length > 0) normalized.status = [...new Set(filter.status)].sort();
  if (filter.studioId !== undefined && filter.studioId !== null) {
    if (isUuid(filter.studioId)) normalized.studioId = filter.studioId.toLowerCase();
    else problems.push({ field: 'filter.studioId', reason: 'MALFORMED_ID', message: 'filter.studioId must be a UUID.' });
  }
  if (filter.text !== undefined && filter.text !== null) {
    const text = filter.text.trim();
    if (text.length > maxTextLength) {
      problems.push({ field: 'filter.text', reason: 'INVALID_LENGTH', message: `filter.text must be at most ${maxTextLength} characters.` });
    } else if (text.length > 0) {
      normalized.text = text.toLowerCase();
    }
  }
  if (filter.series !== undefined && filter.series !== null) {
    const series = filter.series.trim();
    if (series.length > maxTextLength) {
      problems.push({ field: 'filter.series', reason: 'INVALID_LENGTH', message: `filter.series must be at most ${maxTextLength} characters.` });
    } else if (series.length > 0) {
      normalized.series = series.toLowerCase();
    }
  }
  const min = filter.priceRange?.min ?? undefined;
  const max = filter.priceRange?.max ?? undefined;
  if (min !== undefined && min < 0) {
    problems.push({ field: 'filter.priceRange.min', reason: 'OUT_OF_RANGE', message: 'The minimum price cannot be negative.' });
  }
  if (max !== undefined && max < 0) {
    problems.push({ field: 'filter.priceRange.max', reason: 'OUT_OF_RANGE', message: 'The maximum price cannot be negative.' });
  }
  if (min !== undefined && max !== undefined && min > max) {
    problems.push({ field: 'filter.priceRange', reason: 'MIN_ABOVE_MAX', message: 'The minimum price must not be above the maximum price.' });
  }
  if (filter.preorderClosingBefore) {
    if (Number.isNaN(filter.preorderClosingBefore.getTime())) {
      problems.push({ field: 'filter.preorderClosingBefore', reason: 'INVALID_DATE', message: 'filter.preorderClosingBefore must be a date and time.' });
    } else {
      normalized.closingBefore = filter.preorderClosingBefore.toISOString();
    }
  }
  if (min !== undefined) normalized.min = min;
  if (max !== undefined) normalized.max = max;
  return { problems, normalized };
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** SQL conditions on `p` (catalog.product) with their `?` parameters, in order. */
interface Conditions {
  sql: string[];
  params: unknown[];
}

function filterConditions(filter: NormalizedFilter): Conditions {
  const sql: string[] = [];
  const params: unknown[] = [];
  const add = (condition: string, ...values: unknown[]) => {
    sql.push(condition);
    params.push(...values);
  };
  if (filter.status) add('p.status in (?)', filter.status);
  if (filter.studioId) add('p.studio_id = ?', filter.studioId);
  if (filter.text) {
    const pattern = `%${escapeLike(filter.text)}%`;
    // Case- and accent-insensitive ("Lumiere" finds "Lumière"): both sides folded by catalog.fold_search (unaccent +
    // lower); the studio's name through a correlated subquery, so the listing stays one statement.
    add(
      `(catalog.fold_search(p.name) like catalog.fold_search(?) or catalog.fold_search(p.sku) like catalog.fold_search(?)
        or catalog.fold_search(p.series) like catalog.fold_search(?)
        or exists (select 1 from catalog.studio s where s.id = p.studio_id and catalog.fold_search(s.name) like catalog.fold_search(?)))`,
      pattern,
      pattern,
      pattern,
      pattern,
    );
  }
  if (filter.series) add('p.series ilike ?', escapeLike(filter.series));
  if (filter.availableIn) add('not (p.region_blocks @> array[?]::text[])', filter.availableIn);
  if (filter.min !== undefined) add('p.price_amount >= ?', filter.min);
  if (filter.max !== undefined) add('p.price_amount <= ?', filter.max);
  if (filter.closingBefore) {
    add(`exists (select 1 from catalog.preorder_campaign c where c.product_id = p.id and c.state = 'OPEN' and c.closes_at <= ?)`, filter.closingBefore);
  }
  return { sql, params };
}

const whereOf = (conditions: Conditions) => (conditions.sql.length ? `where ${conditions.sql.join(' and ')}` : '');

/**
 * Ties a cursor to the sort and filter it was issued for: reusing it with
 * others would skip or repeat rows. The whole normalized filter is hashed, so
 * a new filter field is covered without being listed here; its keys are set
 * in one fixed order (checkProductFilter, then availableIn), so the same
 * query always gives the same JSON.
 */
const queryFingerprint = (sort: ProductSort, filter: NormalizedFilter) =>
  createHash('sha256')
    .update(JSON.stringify([sort, filter]))
    .digest('base64url')
    .slice(0, 16);

interface ProductCursor extends Record<string, string | number> {
  /** Fingerprint of sort + filter. */
  q: string;
  /** Sort key value (ISO date, price or name). */
  k: string | number;
  id: string;
}

function cursorGuard(sort: ProductSort, fingerprint: string) {
  const { key } = sortOrder[sort];
  return (v: unknown): v is ProductCursor => {
    if (typeof v !== 'object' || v === null) return false;
    const c = v as ProductCursor;
    if (c.q !== fingerprint || typeof c.id !== 'string' || !isUuid(c.id)) return false;
    if (key === 'createdAt') return typeof c.k === 'string' && !Number.isNaN(Date.parse(c.k));
    if (key === 'priceAmount') return typeof c.k === 'number' && Number.isInteger(c.k);
    return typeof c.k === 'string';
  };
}

const sortValue = (product: ProductFacts, key: SortKey): string | number =>
  key === 'createdAt' ? product.createdAt.toISOString() : key === 'priceAmount' ? product.priceAmount : product.name;

/** Keyset pagination on (sort key, id): stable while products are added, whatever the sort. */
export async function listProducts(em: EntityManager, query: ListProductsQuery = {}): Promise<ProductPage> {
  const size = pageSize(query.first);
  const sort = query.sort ?? 'OLDEST';
  const { problems, normalized } = checkProductFilter(query.filter);
  if (problems.length > 0) throw new BadUserInput('The product filter is not valid.', problems);
  if (query.filter?.availableInMyRegion) {
    const country = await regionOf(query.myCountry);
    if (country !== null) normalized.availableIn = country;
  }
  const fingerprint = queryFingerprint(sort, normalized);
  const { key, direction } = sortOrder[sort];
  const filtered = filterConditions(normalized);
  const page: Conditions = { sql: [...filtered.sql], params: [...filtered.params] };
  if (query.after) {
    const position = decodeCursor(query.after, cursorGuard(sort, fingerprint));
    const beyond = direction === 'asc' ? '>' : '<';
    const column = sortColumn[key];
    // A cursor's instant is compared as the timestamp it was written from (ISO, milliseconds).
    const value = key === 'createdAt' ? new Date(position.k as string) : position.k;
    page.sql.push(`(${column} ${beyond} ? or (${column} = ? and p.id ${beyond} ?))`);
    page.params.push(value, value, position.id);
  }
  // One statement for the page and, when asked, its count across pages (an uncorrelated subquery, run once): each
  // round trip was a turn of catalog's event loop and a statement for PostgreSQL to parse. Rows are mapped to
  // properties by the entity's mapper but not made entities: a page is only read, never changed in this request.
  const count = query.withCount ? `, (select count(*) from catalog.product p ${whereOf(filtered)})::int as total_count` : '';
  const rows = await em.execute<Record<string, unknown>[]>(
    `select p.*${count} from catalog.product p ${whereOf(page)}
      order by ${sortColumn[key]} ${direction}, p.id ${direction} limit ${size + 1}`,
    [...(query.withCount ? filtered.params : []), ...page.params],
  );
  const meta = em.getMetadata().get(Product);
  const driver = em.getDriver();
  const counted = rows[0]?.total_count as number | undefined;
  const products = rows.map(({ total_count: _, ...columns }) => driver.mapResult(columns, meta) as unknown as ProductFacts);
  const items = products.slice(0, size).map((product) => ({
    cursor: encodeCursor({ q: fingerprint, k: sortValue(product, key), id: product.id }),
    product,
  }));
  return {
    items,
    hasNextPage: products.length > size,
    countTotal: async () => {
      // Past the last page there is no row to carry the count: counted apart then.
      if (counted !== undefined) return counted;
      const [row] = await em.execute<{ n: number }[]>(`select count(*)::int as n from catalog.product p ${whereOf(filtered)}`, filtered.params);
      return row!.n;
    },
  };
}

/**
 * availableInMyRegion needs to know who asks: an anonymous caller gets a clear
 * BAD_USER_INPUT rather than a silently unfiltered list. A signed-in caller
 * whose country is not known yet (staff, or a customer whose region has not
 * reached catalog) sees every product: nothing is known to be blocked for them,
 * and orders checks again when they order.
 */
async function regionOf(myCountry: (() => Promise<string | null>) | undefined): Promise<string | null> {
  if (!myCountry) {
    throw new BadUserInput('Sign in to see only the products available in your region.', [
      { field: 'filter.availableInMyRegion', reason: 'SIGN_IN_REQUIRED', message: 'Sign in to filter by your region.' },
    ]);
  }
  return myCountry();
}

/** SKUs are unique; the lookup is exact (surrounding spaces ignored). */
export async function findProductBySku(em: EntityManager, sku: string): Promise<Product | null> {
  const wanted = sku.trim();
  if (wanted.length === 0 || wanted.length > 64) return null;
  return em.findOne(Product, { sku: wanted });
}
