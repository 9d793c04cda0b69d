import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { BadUserInput, pageSize } from '@vitrine/platform';
import { checkQueueRequest } from '../domain/queue-filter.js';
import { Claim } from '../store/claim.entity.js';
import { PreferenceReturn } from '../store/preference-return.entity.js';

/** A page of a staff queue: offset paging, so a back office can jump to a page and show the total. */
export interface QueuePage<T> {
  items: T[];
  totalCount: number;
  hasNextPage: boolean;
  /** The offset of the next page, or null on the last one. */
  nextOffset: number | null;
}

export interface QueuePaging {
  first: number | null;
  offset: number;
  oldestFirst: boolean;
}

export interface ClaimQueueFilter {
  statuses: string[] | null;
  kinds: string[] | null;
  orderId: string | null;
  customerId: string | null;
  submittedAfter: Date | null;
  submittedBefore: Date | null;
}

export interface ReturnQueueFilter {
  statuses: string[] | null;
  orderId: string | null;
  customerId: string | null;
  requestedAfter: Date | null;
  requestedBefore: Date | null;
}

/** Claims waiting for staff when no status is named. */
const claimsAwaitingStaff = ['SUBMITTED', 'UNDER_REVIEW'];

function rangeOf(from: Date | null, to: Date | null): { $gte?: Date; $lte?: Date } | undefined {
  if (!from && !to) return undefined;
  return { ...(from && { $gte: from }), ...(to && { $lte: to }) };
}

async function page<T extends object>(
  em: EntityManager,
  entity: new () => T,
  where: FilterQuery<T>,
  orderBy: Record<string, string>,
  paging: QueuePaging,
): Promise<QueuePage<T>> {
  const size = pageSize(paging.first, { defaultSize: 50, max: 100 });
  const [items, totalCount] = await em.findAndCount(entity, where, { orderBy: orderBy as never, limit: size, offset: paging.offset });
  const hasNextPage = paging.offset + items.length < totalCount;
  return { items, totalCount, hasNextPage, nextOffset: hasNextPage ? paging.offset + items.length : null };
}

/**
 * Staff's claim queue: by statuses (default: waiting for staff, submitted or
 * under review), kinds, an order, a customer, and age (first submitted
 * after / before), oldest submission first unless asked otherwise (drafts,
 * never submitted, last). A bad filter is BAD_USER_INPUT and reads nothing.
 */
export async function claimQueue(em: EntityManager, filter: ClaimQueueFilter, paging: QueuePaging): Promise<QueuePage<Claim>> {
  const problems = checkQueueRequest({
    statuses: filter.statuses,
    from: filter.submittedAfter,
    to: filter.submittedBefore,
    offset: paging.offset,
    fields: { statuses: 'filter.statuses', from: 'filter.submittedAfter', to: 'filter.submittedBefore' },
  });
  if (problems.length) throw new BadUserInput('This queue filter cannot match anything: nothing was read.', problems);
  const submitted = rangeOf(filter.submittedAfter, filter.submittedBefore);
  const where: FilterQuery<Claim> = {
    status: { $in: filter.statuses ?? claimsAwaitingStaff },
    ...(filter.kinds?.length && { kind: { $in: filter.kinds } }),
    ...(filter.orderId && { orderId: filter.orderId }),
    ...(filter.customerId && { customerId: filter.customerId }),
    ...(submitted && { submittedAt: submitted }),
  };
  const direction = paging.oldestFirst ? 'asc' : 'desc';
  return page(em, Claim, where, { submittedAt: `${direction} nulls last`, createdAt: direction, id: direction }, paging);
}

/** Staff's return queue: by statuses (default REQUESTED), an order, a customer and age (requested after / before), oldest first unless asked otherwise. */
export async function returnQueue(em: EntityManager, filter: ReturnQueueFilter, paging: QueuePaging): Promise<QueuePage<PreferenceReturn>> {
  const problems = checkQueueRequest({
    statuses: filter.statuses,
    from: filter.requestedAfter,
    to: filter.requestedBefore,
    offset: paging.offset,
    fields: { statuses: 'filter.statuses', from: 'filter.requestedAfter', to: 'filter.requestedBefore' },
  });
  if (problems.length) throw new BadUserInput('This queue filter cannot match anything: nothing was read.', problems);
  const requested = rangeOf(filter.requestedAfter, filter.requestedBefore);
  const where: FilterQuery<PreferenceReturn> = {
    status: { $in: filter.statuses ?? ['REQUESTED'] },
    ...(filter.orderId && { orderId: filter.orderId }),
    ...(filter.customerId && { customerId: filter.customerId }),
    ...(requested && { requestedAt: requested }),
  };
  const direction = paging.oldestFirst ? 'asc' : 'desc';
  return page(em, PreferenceReturn, where, { requestedAt: direction, id: direction }, paging);
}
