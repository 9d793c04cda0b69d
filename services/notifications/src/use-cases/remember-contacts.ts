import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventEnvelope } from '@vitrine/contracts';
import { storeNow } from '@vitrine/platform';
import { accountMailKinds } from '../domain/account-notices.js';
import type { Language } from '../domain/languages.js';
import { welcomeNotice } from '../domain/notices-from-events.js';
import { CustomerContact } from '../store/customer-contact.entity.js';
import { Message } from '../store/message.entity.js';
import { queueNotices } from './queue-notices.js';
import { tableOf } from './table-name.js';

type ContactEvent = EventEnvelope<{ customerId: string; email: string; displayName: string }>;

/**
 * Keeps the newest address and name accounts announced. The first one for a
 * customer is their registration: they are welcomed (one message, even if
 * the event comes twice). An erased customer stays erased.
 */
export async function rememberContact(em: EntityManager, event: ContactEvent): Promise<void> {
  const { customerId, email, displayName } = event.data;
  const at = new Date(event.time);
  const contact = await em.findOne(CustomerContact, customerId);
  if (contact?.erasedAt) return;
  if (contact?.contactChangedAt && contact.contactChangedAt >= at) return;
  const firstContact = !contact?.contactChangedAt;
  if (contact) Object.assign(contact, { email, displayName, contactChangedAt: at });
  else em.persist(em.create(CustomerContact, { customerId, email, displayName, language: null, contactChangedAt: at, erasedAt: null }));
  await em.flush();
  if (firstContact) await queueNotices(em, event, [welcomeNotice(event)]);
}

/** The account is gone: its address and name are erased (from its messages too, bodies included), and nothing more is sent to it. */
export async function eraseCustomer(em: EntityManager, customerId: string): Promise<void> {
  const contact = await em.findOne(CustomerContact, customerId);
  const now = storeNow();
  if (contact) Object.assign(contact, { email: null, displayName: null, erasedAt: contact.erasedAt ?? now });
  else em.persist(em.create(CustomerContact, { customerId, email: null, displayName: null, language: null, contactChangedAt: null, erasedAt: now }));
  await em.nativeUpdate(Message, { customerId, status: 'PENDING' }, { status: 'CANCELLED', lastError: 'The account was deleted.', nextAttemptAt: null });
  // A kept body names the customer and the address it went to: erased with them.
  await em.nativeUpdate(Message, { customerId }, { recipient: null, bodyText: null });
  // Accounts' mail keeps the address it was for (and a pending link's token) in its facts: gone too.
  await em.execute(
    `update ${tableOf(em, 'message')} set facts = facts - 'token' - 'email' where customer_id = ? and kind in (${accountMailKinds.map(() => '?').join(', ')})`,
    [customerId, ...accountMailKinds],
  );
  await em.flush();
}

/** The customer's own choice of language for what we send them. */
export async function setLanguage(em: EntityManager, customerId: string, language: Language): Promise<CustomerContact> {
  return em.transactional(async (tx) => {
    const contact = await tx.findOne(CustomerContact, customerId);
    if (contact) contact.language = language;
    const row = contact ?? tx.create(CustomerContact, { customerId, email: null, displayName: null, language, contactChangedAt: null, erasedAt: null });
    tx.persist(row);
    return row;
  });
}
