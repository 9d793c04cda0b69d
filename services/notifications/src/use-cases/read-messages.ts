import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInput, Conflict, NotFound, requireUuid } from '@vitrine/platform';
import type { MessageStatus } from '../domain/delivery.js';
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

/** Staff: messages as filtered, newest first, each with its delivery log. */
export async function staffMessages(
  em: EntityManager,
  filter: MessageFilter,
  first: number | null | undefined,
): Promise<{ message: Message; log: DeliveryAttempt[] }[]> {
  const where = {
    ...(filter.customerId ? { customerId: requireUuid(filter.customerId, 'filter.customerId', 'customer') } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
  };
  const messages = await em.find(Message, where, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: pageSize(first) });
  const attempts = messages.length
    ? await em.find(DeliveryAttempt, { messageId: { $in: messages.map((m) => m.id) } }, { orderBy: { attemptedAt: 'asc', id: 'asc' } })
    : [];
  return messages.map((message) => ({ message, log: attempts.filter((a) => a.messageId === message.id) }));
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
