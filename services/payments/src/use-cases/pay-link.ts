import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInput, Conflict, storeNow } from '@vitrine/platform';
import { paidTowards } from '../domain/order-position.js';
import { dueIdsToLink, signPayLink, type LinkableDue } from '../domain/pay-link.js';
import { amountToCollect } from '../domain/payment-purpose.js';
import { checkReturnUrl, payPageLocale } from '../domain/return-address.js';
import { publicOrigin, type PaymentsRuntime } from '../config/payments-runtime.js';
import { orderTransactions } from '../store/ledger-book.js';
import { schemaOf, type Row } from '../store/sql.js';
import { checkPayInput, choosePurpose, orderFactsOf, waitForDues } from './pay.js';

export interface PayLinkCommand {
  customerId: string;
  orderIds: string[];
  /** Where "Back to the store" leads; must be on one of PAYMENTS_RETURN_ORIGINS. */
  returnUrl: string | null;
  /** The page's language (`fr`, `fr-FR`...); English when missing or unknown. */
  locale: string | null;
}

export interface IssuedPayLink {
  url: string;
  expiresAt: Date;
}

/**
 * A link to the hosted pay-now page for what the customer's orders owe now:
 * one order, or several orders' balances paid there in one charge. The same
 * rules as `pay` decide what may be paid together (amountToCollect, read
 * here without locking: nothing is written, and the page's payment runs
 * `pay` itself, under the orders' locks, so a link issued twice, or opened
 * in two tabs, still charges once). Refusals change nothing.
 */
export async function issuePayLink(em: EntityManager, runtime: PaymentsRuntime, command: PayLinkCommand): Promise<IssuedPayLink> {
  checkPayInput(command);
  const returnUrl = command.returnUrl === null ? null : returnAddress(command.returnUrl, runtime.settings.PAYMENTS_RETURN_ORIGINS);
  const orderIds = command.orderIds.map((id) => id.toLowerCase());
  await waitForDues(em, command.customerId, orderIds, runtime.settings.PAYMENTS_DUE_WAIT_MS);
  const s = schemaOf(em);
  const read = em.fork();
  const orders = await read.execute<Row[]>(`select * from ${s}.known_order where id in (?)`, [[...new Set(orderIds)]]);
  const dues = await read.execute<Row[]>(`select * from ${s}.payment_due where order_id in (?) order by created_at, id`, [[...new Set(orderIds)]]);
  const purpose = choosePurpose(dues);
  const facts = orderFactsOf(command.customerId, orderIds, orders, dues);
  amountToCollect({ purpose, orderIds }, facts, paidTowards(await orderTransactions(read, orderIds)));
  const [busy] = await read.execute<Row[]>(
    `select 1 from ${s}.payment_intent where id in (select intent_id from ${s}.payment_allocation where order_id in (?)) and status in ('PROCESSING', 'REQUIRES_CAPTURE') limit 1`,
    [orderIds],
  );
  if (busy) {
    throw new Conflict('A payment for these orders is already being processed. You will be told when it completes; please do not pay again.', {
      rule: 'PAYMENT_IN_PROGRESS',
    });
  }
  const linkable: LinkableDue[] = dues.map((d) => ({ id: d.id, orderId: d.order_id, purpose: d.purpose, state: d.state, collect: d.collect }));
  const { settings } = runtime;
  const expiresAt = new Date(storeNow().getTime() + settings.PAYMENTS_PAY_LINK_TTL_HOURS * 3_600_000);
  const token = signPayLink(
    { customerId: command.customerId, orderIds, dueIds: dueIdsToLink(purpose, orderIds, linkable), expiresAt },
    settings.PAYMENTS_PAY_LINK_SECRET,
  );
  const url = new URL('/pay', publicOrigin(runtime));
  url.searchParams.set('t', token);
  if (returnUrl) url.searchParams.set('return', returnUrl);
  const locale = payPageLocale(command.locale);
  if (locale) url.searchParams.set('lang', locale);
  return { url: url.href, expiresAt };
}

function returnAddress(raw: string, allowedOrigins: readonly string[]): string {
  const check = checkReturnUrl(raw, allowedOrigins);
  if (check.ok) return check.url;
  const message =
    check.reason === 'MALFORMED'
      ? 'The return address must be a full http(s) address of the store.'
      : 'The return address is not one of the store’s addresses: the payment page only links back to the store.';
  throw new BadUserInput(message, [{ field: 'returnUrl', reason: check.reason === 'MALFORMED' ? 'MALFORMED_URL' : 'RETURN_URL_NOT_ALLOWED', message }]);
}
