import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { BadUserInput, Conflict, NotFound, decodeCursor, encodeCursor, requireUuid } from '@vitrine/platform';
import type { MessageStatus } from '../domain/delivery.js';
import { isMessageLogPosition } from '../domain/log-cursors.js';
import type { NoticeKind } from '../domain/notice.js';
import { DeliveryAttempt } from '../store/delivery-attempt.entity.js';
import { Message } from '../store/message.entity.js';
import { retryMessage } from './send-message.js';

export interface MessageFilter {
  customerId?: string | null;
  status?: MessageStatus | null;
  kind?: NoticeKind | null;
}

const pageSize = (first: number | null | undefined): number => {
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 1 || size > 100) {
    throw new BadUserInput('Ask for 1 to 100 messages.', [{ field: 'first', reason: 'OUT_OF_RANGE', message: 'first is between 1 and 100.' }]);
  }
  return size;
};

/** A customer's own messages, newest first. */
export function customerMessages(em: EntityManager, customerId: string, first: number | null | undefined): Promise<Message[]> {
  return em.find(Message, { customerId }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: pageSize(first) });
}

const staffFilter = (filter: MessageFilter) => ({
  ...(filter.customerId ? { customerId: requireUuid(filter.customerId, 'filter.customerId', 'customer') } : {}),
  ...(filter.status ? { status: filter.status } : {}),
  ...(filter.kind ? { kind: filter.kind } : {}),
});

async function withLogs(em: EntityManager, messages: Message[]): Promise<{ message: Message; log: DeliveryAttempt[] }[]> {
  const attempts = messages.length
    ? await em.find(DeliveryAttempt, { messageId: { $in: messages.map((m) => m.id) } }, { orderBy: { attemptedAt: 'asc', id: 'asc' } })
    : [];
  return messages.map((message) => ({ message, log: attempts.filter((a) => a.messageId === message.id) }));
}

/** Staff: messages as filtered, newest first, each with its delivery log. */
export async function staffMessages(
  em: EntityManager,
  filter: MessageFilter,
  first: number | null | undefined,
): Promise<{ message: Message; log: DeliveryAttempt[] }[]> {
  return withLogs(em, await em.find(Message, staffFilter(filter), { orderBy: { createdAt: 'desc', id: 'desc' }, limit: pageSize(first) }));
}

export interface MessagePage {
  items: { message: Message; log: DeliveryAttempt[]; cursor: string }[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/** One page of the messages `where` selects, newest first, keyset on (created_at, id), each with its cursor. */
async function messagePage(
  em: EntityManager,
  where: { customerId?: string; status?: string; kind?: string },
  first: number | null | undefined,
  after: string | null,
) {
  const size = pageSize(first);
  const position = after ? decodeCursor(after, isMessageLogPosition) : null;
  const at = position && new Date(position.at);
  const rows = await em.find(
    Message,
    { ...where, ...(position && at && { $or: [{ createdAt: { $lt: at } }, { createdAt: at, id: { $lt: position.id } }] }) } as FilterQuery<Message>,
    { orderBy: { createdAt: 'desc', id: 'desc' }, limit: size + 1 },
  );
  const page = rows.slice(0, size).map((message) => ({ message, cursor: encodeCursor({ at: message.createdAt.toISOString(), id: message.id }) }));
  return { page, hasNextPage: rows.length > size, endCursor: page.at(-1)?.cursor ?? null };
}

/** Staff: one page of the messages as filtered, newest first, keyset on (created_at, id). */
export async function staffMessagePage(em: EntityManager, filter: MessageFilter, first: number | null | undefined, after: string | null): Promise<MessagePage> {
  const { page, hasNextPage, endCursor } = await messagePage(em, staffFilter(filter), first, after);
  const messages = page.map(({ message }) => message);
  const logged = await withLogs(em, messages);
  return { items: logged.map((row, i) => ({ ...row, cursor: page[i]!.cursor })), hasNextPage, endCursor };
}

/** A customer's own messages by pages, newest first, as staff page theirs (no delivery log: that is staff's). */
export async function customerMessagePage(
  em: EntityManager,
  customerId: string,
  first: number | null | undefined,
  after: string | null,
): Promise<{ items: { message: Message; cursor: string }[]; hasNextPage: boolean; endCursor: string | null }> {
  const { page, hasNextPage, endCursor } = await messagePage(em, { customerId }, first, after);
  return { items: page, hasNextPage, endCursor };
}

/** One of the customer's own messages; anyone else's is NOT_FOUND, as an unknown one is (it says nothing of others). */
export async function customerMessage(em: EntityManager, customerId: string, id: string): Promise<Message> {
  const message = await em.findOne(Message, { id, customerId });
  if (!message) throw new NotFound('Message', id);
  return message;
}

/** Staff send a FAILED message again; any other status is a CONFLICT and changes nothing. */
export async function retryFailedMessage(em: EntityManager, id: string): Promise<{ message: Message; log: DeliveryAttempt[] }> {
  return em.transactional(async (tx) => {
    const message = await tx.findOne(Message, id);
    if (!message) throw new NotFound('Message', id);
    if (message.status !== 'FAILED') throw new Conflict(`Only a FAILED message can be sent again; this one is ${message.status}.`, { status: message.status });
    await retryMessage(tx, message);
    const log = await tx.find(DeliveryAttempt, { messageId: id }, { orderBy: { attemptedAt: 'asc', id: 'asc' } });
    return { message, log };
  });
}
