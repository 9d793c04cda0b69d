import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { decodeCursor, encodeCursor, isUuid, pageSize } from '@vitrine/platform';
import { customerSearch, type CustomerSearchTerms } from '../domain/customer-search.js';
import { Customer } from '../store/customer.entity.js';

export interface CustomerPage {
  customers: Customer[];
  cursors: string[];
  hasNextPage: boolean;
  countTotal: () => Promise<number>;
}

type Position = { at: string; id: string };
const isPosition = (v: unknown): v is Position =>
  typeof v === 'object' && v !== null && typeof (v as Position).at === 'string' && isUuid((v as Position).id) && !Number.isNaN(Date.parse((v as Position).at));

/**
 * Staff's customer search, newest accounts first, keyset-paged (createdAt, id).
 * Deleted accounts are left out: their email and name were erased, so they
 * match nothing a person would type anyway.
 */
export async function searchCustomers(em: EntityManager, terms: CustomerSearchTerms, first: number | null, after: string | null): Promise<CustomerPage> {
  const search = customerSearch(terms);
  const size = pageSize(first, { max: 100 });
  const where: FilterQuery<Customer> = { deletedAt: null };
  if (search.emailPrefix) where.email = { $like: search.emailPrefix };
  if (search.nameContains) where.displayName = { $ilike: search.nameContains };
  const page: FilterQuery<Customer> = { ...where };
  if (after) {
    const position = decodeCursor(after, isPosition);
    const at = new Date(position.at);
    page.$or = [{ createdAt: { $lt: at } }, { createdAt: at, id: { $lt: position.id } }];
  }
  const rows = await em.find(Customer, page, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: size + 1 });
  const customers = rows.slice(0, size);
  return {
    customers,
    cursors: customers.map((c) => encodeCursor({ at: c.createdAt.toISOString(), id: c.id })),
    hasNextPage: rows.length > size,
    countTotal: () => em.count(Customer, where),
  };
}
