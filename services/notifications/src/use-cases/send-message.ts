import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { changeOf, onTimers, rowsOf, scheduleTimer, scheduleTimers, storeNow, writeRows, type TimerHandler } from '@vitrine/platform';
import { runtimeOf } from '../config/notifications-runtime.js';
import { isAccountMail, recipientOf, unsendableLink, withoutSecrets } from '../domain/account-notices.js';
import { afterFailedAttempt } from '../domain/delivery.js';
import { languageFor } from '../domain/languages.js';
import { keptBody } from '../domain/message-body.js';
import type { NoticeKind } from '../domain/notice.js';
import { present } from '../domain/presentation.js';
import { DeliveryAttempt } from '../store/delivery-attempt.entity.js';
import { Message, type MessageFields } from '../store/message.entity.js';
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

/** What sending one message changes: its row, the try it logs (if it made one), and its next timer (a retry). */
interface Outcome {
  changes: Partial<MessageFields>;
  attempt?: DeliveryLogRow;
  retryAt?: Date;
}

/**
 * Sends messages, in the transaction that fires their timers (one, or a batch of them: `notificationsTimers`): each
 * rendered in its customer's language at the address accounts gave last, then marked SENT with the server's answer
 * in the delivery log. When the SMTP server refuses one or cannot be reached, the try is logged and the message waits
 * for its next timer (backoff), until its tries run out (FAILED, for staff). No address yet (accounts' event still on
 * its way) counts as a failed try. Accounts' own mail goes to the address its event named, and its raw token leaves
 * the stored facts as soon as it is sent, or cannot be (see domain/account-notices.ts): a link expired meanwhile is
 * not sent at all. The text part is kept with the sent message for its customer (its link removed when it carried a
 * token: domain/message-body.ts). The messages and their product names are read in one statement each, and what
 * sending changed is written in one: a batch costs the round trips of one message.
 */
export async function sendMessages(em: EntityManager, messageIds: readonly string[]): Promise<void> {
  const found = (await readForSending(em, messageIds)).filter(({ message }) => message.status === 'PENDING');
  if (found.length === 0) return;
  const names = await productNames(em, [...new Set(found.flatMap(({ message }) => productIdsIn(message.facts)))]);
  const outcomes: [string, Outcome][] = [];
  for (const item of found) outcomes.push([item.message.id, await sendOne(em, item, names)]);
  const retries = outcomes.flatMap(([id, { retryAt }]) => (retryAt ? [{ kind: sendMessageTimer, key: id, dueAt: retryAt }] : []));
  // The timers being fired are marked fired already: these arm the next ones.
  if (retries.length > 0) await scheduleTimers(em, retries);
  await writeRows(em, [
    ...outcomes.map(([id, { changes }]) => changeOf(Message, id, changes)),
    rowsOf(
      DeliveryAttempt,
      outcomes.flatMap(([, { attempt }]) => (attempt ? [attempt] : [])),
    ),
  ]);
}

/** One message of the batch: what is decided about it, and the SMTP call when it goes. */
async function sendOne(em: EntityManager, found: { message: MessageFields } & Addressee, names: Record<string, string>): Promise<Outcome> {
  const { message, contact, country } = found;
  if (contact?.erased) {
    const facts = isAccountMail(message.kind) ? { facts: withoutSecrets(message.facts, { keepAddress: false }) } : {};
    return { changes: { status: 'CANCELLED', lastError: 'The account was deleted.', nextAttemptAt: null, ...facts } };
  }
  const runtime = runtimeOf(em);
  const startedAt = storeNow();
  const started = performance.now();
  const unsendable = unsendableLink(message.kind, message.facts, startedAt);
  if (unsendable) {
    const facts = withoutSecrets(message.facts, { keepAddress: false });
    return { changes: { status: 'CANCELLED', lastError: unsendable, nextAttemptAt: null, facts } };
  }
  const recipient = recipientOf(message.kind, message.facts, contact?.email);
  if (!recipient) return failure(em, message, 'NO_ADDRESS: the customer’s address is not known yet', startedAt, 0);

  const language = languageFor(contact?.language, country);
  const vars = present(message.facts, {
    language,
    customerName: contact?.displayName ?? '',
    orderId: message.orderId ?? null,
    productNames: Object.fromEntries(productIdsIn(message.facts).flatMap((id) => (names[id] === undefined ? [] : [[id, names[id]]]))),
    storefrontUrl: runtime.settings.STOREFRONT_URL,
  });
  const rendered = renderMessage(message.kind as NoticeKind, language, vars);
  let response: string;
  try {
    ({ response } = await runtime.mailer.send({
      to: recipient,
      ...rendered,
      messageId: `<${message.id}@notifications.vitrine>`,
      headers: { 'X-Vitrine-Message-Id': message.id, 'X-Vitrine-Kind': message.kind },
    }));
  } catch (err) {
    return failure(em, message, err instanceof Error ? `${err.name}: ${err.message}` : String(err), startedAt, started);
  }
  return {
    changes: {
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
    },
    attempt: attemptOf(message.id, startedAt, 'SENT', response || 'accepted', started),
  };
}

interface Addressee {
  contact: { email: string | null; displayName: string | null; language: string | null; erased: boolean } | null;
  country: string | null;
}

/**
 * The messages, locked for this transaction, each with its customer's contact (accounts' last word) and region, which
 * picks the language with it: one statement for them all, in the order asked. A message is plain data, not an entity:
 * what sending changes is written by `sendMessages` in one statement with the delivery log rows.
 */
async function readForSending(em: EntityManager, messageIds: readonly string[]): Promise<({ message: MessageFields } & Addressee)[]> {
  if (messageIds.length === 0) return [];
  const rows = await em.execute<Record<string, unknown>[]>(
    `select m.*, c.customer_id is not null as contact_known, c.email as contact_email, c.display_name as contact_display_name,
            c.language as contact_language, c.erased_at is not null as contact_erased, r.country as contact_country
       from ${tableOf(em, 'message')} m
       left join ${tableOf(em, 'customer_contact')} c on c.customer_id = m.customer_id
       left join ${tableOf(em, 'customer_region')} r on r.customer_id = m.customer_id
      where m.id in (?) for update of m`,
    [[...messageIds]],
  );
  const byId = new Map(rows.map((row) => [row.id as string, row]));
  return messageIds.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const { contact_known, contact_email, contact_display_name, contact_language, contact_erased, contact_country, ...columns } = row;
    return [
      {
        message: em.getDriver().mapResult(columns, em.getMetadata().get(Message)) as unknown as MessageFields,
        contact: contact_known
          ? {
              email: contact_email as string | null,
              displayName: contact_display_name as string | null,
              language: contact_language as string | null,
              erased: contact_erased as boolean,
            }
          : null,
        country: (contact_country as string | null) ?? null,
      },
    ];
  });
}

type DeliveryLogRow = Pick<DeliveryAttempt, 'id' | 'messageId' | 'attemptedAt' | 'outcome' | 'detail' | 'durationMs'>;

function attemptOf(messageId: string, at: Date, outcome: 'SENT' | 'FAILED', detail: string, started: number): DeliveryLogRow {
  const durationMs = started === 0 ? 0 : Math.round(performance.now() - started);
  return { id: randomUUID(), messageId, attemptedAt: at, outcome, detail: detail.slice(0, 2000), durationMs };
}

/** A failed try: logged, and the message waits for its next timer, or is FAILED when its tries have run out. */
function failure(em: EntityManager, message: MessageFields, error: string, at: Date, started: number): Outcome {
  const { retry } = runtimeOf(em);
  const attempts = message.attempts + 1;
  const next = afterFailedAttempt(attempts, retry);
  const attempt = attemptOf(message.id, at, 'FAILED', error, started);
  if (next.giveUp) {
    // A token nobody will send is not kept (a staff retry then cancels it: the customer asks for a new link).
    const facts = isAccountMail(message.kind) ? { facts: withoutSecrets(message.facts, { keepAddress: true }) } : {};
    return { changes: { attempts, status: 'FAILED', lastError: error, nextAttemptAt: null, ...facts }, attempt };
  }
  const retryAt = new Date(storeNow().getTime() + next.retryInMs);
  return { changes: { attempts, lastError: error, nextAttemptAt: retryAt }, attempt, retryAt };
}

/** Staff send a FAILED message again: a fresh round of tries, starting now. */
export async function retryMessage(em: EntityManager, message: Message): Promise<void> {
  const now = storeNow();
  Object.assign(message, { status: 'PENDING', attempts: 0, nextAttemptAt: now });
  await scheduleTimer(em, { kind: sendMessageTimer, key: message.id, dueAt: now });
  await em.flush();
}

/**
 * Due messages go out up to ten at a time: one claim, one read, one write and one commit for them all (a message's
 * round trips were most of what it cost notifications). Ten bounds what a failure late in a batch repeats: its
 * messages already sent are sent again with the batch's retry (same Message-ID, so a receiver can tell).
 */
export const sendBatchSize = 10;

export const notificationsTimers: TimerHandler[] = [
  onTimers(sendMessageTimer, sendBatchSize, (timers, em) =>
    sendMessages(
      em,
      timers.map((timer) => timer.key),
    ),
  ),
];
