import type { EntityManager } from '@mikro-orm/postgresql';
import { decodeCursor, encodeCursor, pageSize } from '@vitrine/platform';
import { Product } from '../store/product.entity.js';

interface ProductCursor extends Record<string, string> {
  createdAt: string;
  id: string;
}

const isProductCursor = (v: unknown): v is ProductCursor =>
  typeof v === 'object' && v !== null && typeof (v as ProductCursor).createdAt === 'string' &&
  typeof (v as ProductCursor).id === 'string' && !Number.isNaN(Date.parse((v as ProductCursor).createdAt));

export interface ProductPage {
  items: { cursor: string; product: Product }[];
  hasNextPage: boolean;
  /** Counting the whole catalog is not free: done only when a client asks for totalCount. */
  countTotal: () => Promise<number>;
}

/** Keyset pagination on (createdAt, id): stable while products are added. */
export async function listProducts(em: EntityManager, first: number | null | undefined, after: string | null | undefined): Promise<ProductPage> {
  const size = pageSize(first);
  const position = after ? decodeCursor(after, isProductCursor) : undefined;
  const where = position
    ? { $or: [{ createdAt: { $gt: new Date(position.createdAt) } }, { createdAt: new Date(position.createdAt), id: { $gt: position.id } }] }
    : {};
  const rows = await em.find(Product, where, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: size + 1 });
  const items = rows.slice(0, size).map((product) => ({
    cursor: encodeCursor({ createdAt: product.createdAt.toISOString(), id: product.id }),
    product,
  }));
  return { items, hasNextPage: rows.length > size, countTotal: () => em.fork().count(Product, {}) };
}
