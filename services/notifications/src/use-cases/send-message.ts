import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { onTimer, scheduleTimer, storeNow, type TimerHandler } from '@vitrine/platform';
import { runtimeOf } from '../config/notifications-runtime.js';
import { isAccountMail, recipientOf, unsendableLink, withoutSecrets } from '../domain/account-notices.js';
import { afterFailedAttempt } from '../domain/delivery.js';
import { languageFor } from '../domain/languages.js';
import { keptBody } from '../domain/message-body.js';
import type { NoticeKind } from '../domain/notice.js';
import { present } from '../domain/presentation.js';
import { DeliveryAttempt } from '../store/delivery-attempt.entity.js';
import { Message } from '../store/message.entity.js';
import { renderMessage } from '../templates/render-message.js';
import { sendMessageTimer } from './queue-notices.js';
import { tableOf } from './table-name.js';
import { productNames } from './remember-orders.js';

const productIdsIn = (facts: Record<string, unknown>): string[] => {
  const ids = new Set<string>();
  if (typeof facts.productId === 'string') ids.add(facts.productId);
  if (Array.isArray(facts.lines)) for (const line of facts.lines as { productId: string }[]) ids.add(line.productId);
  return [...ids];
};

/**
 * Sends one message, in the transaction that fires its timer: rendered in
 * the customer's language at the address accounts gave last, then marked
 * SENT with the server's answer in the delivery log. When the SMTP server
 * refuses it or cannot be reached, the try is logged and the message waits
 * for its next timer (backoff), until its tries run out (FAILED, for staff).
 * No address yet (accounts' event still on its way) counts as a failed try.
 * Accounts' own mail goes to the address its event named, and its raw
 * token leaves the stored facts as soon as it is sent, or cannot be (see
 * domain/account-notices.ts): a link expired meanwhile is not sent at all.
 * The text part is kept with the sent message for its customer (its link
 * removed when it carried a token: domain/message-body.ts).
 */
export async function sendMessage(em: EntityManager, messageId: string): Promise<void> {
  const message = await em.findOne(Message, messageId, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!message || message.status !== 'PENDING') return;
  const { contact, country } = await whoToWrite(em, message.customerId);
  if (contact?.erased) {
    Object.assign(message, { status: 'CANCELLED', lastError: 'The account was deleted.', nextAttemptAt: null });
    if (isAccountMail(message.kind)) message.facts = withoutSecrets(message.facts, { keepAddress: false });
    await em.flush();
    return;
  }
  const runtime = runtimeOf(em);
  const startedAt = storeNow();
  const started = performance.now();
  const unsendable = unsendableLink(message.kind, message.facts, startedAt);
  if (unsendable) {
    Object.assign(message, { status: 'CANCELLED', lastError: unsendable, nextAttemptAt: null, facts: withoutSecrets(message.facts, { keepAddress: false }) });
    await em.flush();
    return;
  }
  const recipient = recipientOf(message.kind, message.facts, contact?.email);
  if (!recipient) return recordFailure(em, message, 'NO_ADDRESS: the customer’s address is not known yet', startedAt, 0);

  const language = languageFor(contact?.language, country);
  const vars = present(message.facts, {
    language,
    customerName: contact?.displayName ?? '',
    orderId: message.orderId ?? null,
    productNames: await productNames(em, productIdsIn(message.facts)),
    storefrontUrl: runtime.settings.STOREFRONT_URL,
  });
  const rendered = renderMessage(message.kind as NoticeKind, language, vars);
  try {
    const { response } = await runtime.mailer.send({
      to: recipient,
      ...rendered,
      messageId: `<${message.id}@notifications.vitrine>`,
      headers: { 'X-Vitrine-Message-Id': message.id, 'X-Vitrine-Kind': message.kind },
    });
    Object.assign(message, {
      status: 'SENT',
      attempts: message.attempts + 1,
      sentAt: storeNow(),
      recipient,
      language,
      subject: rendered.subject,
      // Read from the facts before the token leaves them: the kept body must not hold it either.
      bodyText: keptBody(message.kind, language, message.facts, rendered.text),
      lastError: null,
      nextAttemptAt: null,
      ...(isAccountMail(message.kind) ? { facts: withoutSecrets(message.facts, { keepAddress: false }) } : {}),
    });
    logAttempt(em, message.id, startedAt, 'SENT', response || 'accepted', started);
    await em.flush();
  } catch (err) {
    await recordFailure(em, message, err instanceof Error ? `${err.name}: ${err.message}` : String(err), startedAt, started);
  }
}

interface Addressee {
  contact: { email: string | null; displayName: string | null; language: string | null; erased: boolean } | null;
  country: string | null;
}

/** The customer's contact (accounts' last word) and region, which picks the language with it: one statement, every message. */
async function whoToWrite(em: EntityManager, customerId: string): Promise<Addressee> {
  const [row] = await em.execute<
    { known: boolean; email: string | null; display_name: string | null; language: string | null; erased: boolean; country: string | null }[]
  >(
    `select c.customer_id is not null as known, c.email, c.display_name, c.language, c.erased_at is not null as erased, r.country
       from (select ?::uuid as id) as wanted
       left join ${tableOf(em, 'customer_contact')} c on c.customer_id = wanted.id
       left join ${tableOf(em, 'customer_region')} r on r.customer_id = wanted.id`,
    [customerId],
  );
  return {
    contact: row?.known ? { email: row.email, displayName: row.display_name, language: row.language, erased: row.erased } : null,
    country: row?.country ?? null,
  };
}

function logAttempt(em: EntityManager, messageId: string, at: Date, outcome: 'SENT' | 'FAILED', detail: string, started: number): void {
  const durationMs = started === 0 ? 0 : Math.round(performance.now() - started);
  em.persist(em.create(DeliveryAttempt, { id: randomUUID(), messageId, attemptedAt: at, outcome, detail: detail.slice(0, 2000), durationMs }));
}

async function recordFailure(em: EntityManager, message: Message, error: string, at: Date, started: number): Promise<void> {
  const { retry } = runtimeOf(em);
  const attempts = message.attempts + 1;
  const next = afterFailedAttempt(attempts, retry);
  logAttempt(em, message.id, at, 'FAILED', error, started);
  if (next.giveUp) {
    // A token nobody will send is not kept (a staff retry then cancels it: the customer asks for a new link).
    Object.assign(message, { attempts, status: 'FAILED', lastError: error, nextAttemptAt: null });
    if (isAccountMail(message.kind)) message.facts = withoutSecrets(message.facts, { keepAddress: true });
  } else {
    const dueAt = new Date(storeNow().getTime() + next.retryInMs);
    Object.assign(message, { attempts, lastError: error, nextAttemptAt: dueAt });
    // The timer being fired is marked fired already: this arms the next one.
    await scheduleTimer(em, { kind: sendMessageTimer, key: message.id, dueAt });
  }
  await em.flush();
}

/** Staff send a FAILED message again: a fresh round of tries, starting now. */
export async function retryMessage(em: EntityManager, message: Message): Promise<void> {
  const now = storeNow();
  Object.assign(message, { status: 'PENDING', attempts: 0, nextAttemptAt: now });
  await scheduleTimer(em, { kind: sendMessageTimer, key: message.id, dueAt: now });
  await em.flush();
}

export const notificationsTimers: TimerHandler[] = [onTimer(sendMessageTimer, (timer, em) => sendMessage(em, timer.key))];
