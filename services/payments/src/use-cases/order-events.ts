import type { EntityManager } from '@mikro-orm/postgresql';
import {
  paymentLinkIssuedV1,
  shippedOrderStatus,
  type EventData,
  type EventEnvelope,
  type orderCancelledV1,
  type orderExpiredV1,
  type orderStatusChangedV1,
  type paymentDueV1,
} from '@vitrine/contracts';
import { scheduleTimer, storeNow, type ServiceEvent } from '@vitrine/platform';
import { available, feeSources, orderShipped, refundSources } from '../domain/ledger-movements.js';
import type { FeeReason, RefundReason as LedgerRefundReason } from '../domain/ledger.js';
import { refundable } from '../domain/order-position.js';
import { signPayLink } from '../domain/pay-link.js';
import { publicOrigin, runtimeOf, type PaymentsRuntime } from '../config/payments-runtime.js';
import { payments } from '../identity.js';
import { orderTransactions, positionOf, postTransaction } from '../store/ledger-book.js';
import { schemaOf, type Row } from '../store/sql.js';
import { decideRefund, keepFee, rememberOrder } from './order-money.js';
import { cancelProviderPaymentTimer, captureHeldPaymentTimer, openStoredMethodCharge } from './stored-method-charges.js';

/** A due as payments records it: PaymentDue's facts. */
export type AnnouncedDue = EventData<typeof paymentDueV1>;

/**
 * orders' PaymentDue, remembered as the only amount payments will collect.
 * A due the customer pays gets a signed pay-now link (PaymentLinkIssued, for
 * the email); a due on a stored method (charge at ship) opens an intent and
 * arms the timer that charges it at once, outside this consumer's path.
 *
 * orders announces a due again, under the same dueId, when its terms change
 * (a failed charge at ship becomes a due the customer pays within the grace
 * period): payments keeps the latest announcement of an open due (see
 * reannounceDue), never a second due.
 */
export function recordDue(em: EntityManager, event: EventEnvelope<EventData<typeof paymentDueV1>>): Promise<void> {
  return recordAnnouncedDue(em, event.data);
}

/** A due as orders announces it (PaymentDue), or as another service's event describes one (logistics' extra shipping invoices). */
export async function recordAnnouncedDue(em: EntityManager, due: AnnouncedDue): Promise<void> {
  const s = schemaOf(em);
  const currency = due.amount.currency;
  const order = await rememberOrder(em, { id: due.orderId, customerId: due.customerId, currency });
  const closed = order.closed_at != null;
  const inserted = await em.execute<Row[]>(
    `insert into ${s}.payment_due (id, order_id, customer_id, purpose, goods, shipping, amount, currency, due_at, collect, payment_method_id, state, created_at, closed_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?) on conflict (id) do nothing returning id`,
    [
      due.dueId,
      due.orderId,
      due.customerId,
      due.purpose,
      due.goods.amount,
      due.shipping.amount,
      due.amount.amount,
      currency,
      due.dueAt ? new Date(due.dueAt) : null,
      due.collect,
      due.paymentMethodId,
      closed ? 'VOID' : 'OPEN',
      closed ? new Date() : null,
    ],
  );
  if (inserted.length === 0) return reannounceDue(em, due);
  if (closed || due.amount.amount === 0) return;
  if (due.collect === 'CUSTOMER') return issuePayLink(em, due);

  // Charge at ship: one intent for this due, on the stored method, charged (or held until dispatch) by a timer right away.
  await openStoredMethodCharge(em, {
    customerId: due.customerId,
    purpose: due.purpose,
    currency,
    paymentMethodId: due.paymentMethodId,
    capture: due.capture ?? 'AUTOMATIC',
    due: { dueId: due.dueId, orderId: due.orderId, product: due.goods.amount, shipping: due.shipping.amount },
  });
}

/**
 * The same due announced again. Still open: its deadline, who collects it and
 * the stored method follow the latest announcement, and a due that has just
 * become the customer's to pay (a failed charge at ship) gets its pay-now
 * link. Settled or void: nothing changes (a late or repeated announcement).
 * The amount and purpose stay as first announced: an intent may already be
 * collecting them (orders does not change them under the same dueId).
 */
async function reannounceDue(em: EntityManager, due: AnnouncedDue): Promise<void> {
  const s = schemaOf(em);
  const [current] = await em.execute<Row[]>(`select * from ${s}.payment_due where id = ? for update`, [due.dueId]);
  if (!current || current.state !== 'OPEN') return;
  if (current.order_id !== due.orderId || Number(current.amount) !== due.amount.amount || current.purpose !== due.purpose) {
    runtimeOf(em).logger.warn(
      { dueId: due.dueId, recorded: { orderId: current.order_id, amount: Number(current.amount), purpose: current.purpose }, announced: due },
      'payments: a due announced again with other money; kept what was first announced',
    );
  }
  await em.execute(`update ${s}.payment_due set due_at = ?, collect = ?, payment_method_id = ? where id = ?`, [
    due.dueAt ? new Date(due.dueAt) : null,
    due.collect,
    due.paymentMethodId,
    due.dueId,
  ]);
  if (due.collect === 'CUSTOMER' && current.collect !== 'CUSTOMER' && Number(current.amount) > 0) {
    issuePayLink(em, { ...due, orderId: current.order_id, amount: { amount: Number(current.amount), currency: current.currency }, purpose: current.purpose });
  }
}

/** A signed pay-now link for a due the customer pays, announced for the email that carries it. */
function issuePayLink(em: EntityManager, due: AnnouncedDue): void {
  payments.recordEvent(em, payLinkIssued(runtimeOf(em), due));
}

/** PaymentLinkIssued for a due: its pay-now link, signed, valid for PAYMENTS_PAY_LINK_TTL_HOURS. */
export function payLinkIssued(runtime: PaymentsRuntime, due: AnnouncedDue): ServiceEvent<typeof paymentLinkIssuedV1> {
  const expiresAt = new Date(storeNow().getTime() + runtime.settings.PAYMENTS_PAY_LINK_TTL_HOURS * 3_600_000);
  const token = signPayLink({ customerId: due.customerId, orderIds: [due.orderId], dueIds: [due.dueId], expiresAt }, runtime.settings.PAYMENTS_PAY_LINK_SECRET);
  return {
    definition: paymentLinkIssuedV1,
    subject: due.orderId,
    data: {
      dueId: due.dueId,
      orderId: due.orderId,
      customerId: due.customerId,
      purpose: due.purpose,
      amount: due.amount,
      dueAt: due.dueAt,
      url: `${publicOrigin(runtime)}/pay?t=${token}`,
      expiresAt: expiresAt.toISOString(),
    },
  };
}

/**
 * The order ended (cancelled or expired): its open dues are void, attempts
 * waiting on the customer are given up, the fee orders decided is kept and
 * the refund it decided goes back. Whatever is still held after that (a
 * payment orders had not heard of when it decided) goes back too: nothing
 * stays held on a closed order. Amounts above what the ledger holds are cut
 * to what it holds (logged: orders and payments disagree). An order that
 * had shipped (a parcel returned to sender) is refunded from what it earned.
 */
export async function closeOrder(
  em: EntityManager,
  close: {
    orderId: string;
    customerId: string;
    status: 'CANCELLED' | 'EXPIRED';
    fee: { amount: number; currency: string };
    refund: { amount: number; currency: string };
  },
): Promise<void> {
  const s = schemaOf(em);
  const runtime = runtimeOf(em);
  const currency = close.refund.currency;
  await rememberOrder(em, { id: close.orderId, customerId: close.customerId, currency, status: close.status, closed: true });
  await em.execute(`update ${s}.payment_due set state = 'VOID', closed_at = now() where order_id = ? and state = 'OPEN'`, [close.orderId]);

  // Attempts still waiting on the customer or the stored card are given up, and an amount held on the card (charge at
  // ship, taken at dispatch) is released: one already at the provider is cancelled there too.
  const waiting = await em.execute<Row[]>(
    `select i.* from ${s}.payment_intent i where i.id in (select intent_id from ${s}.payment_allocation where order_id = ?)
       and i.status in ('REQUIRES_PAYMENT_METHOD', 'REQUIRES_ACTION', 'REQUIRES_CAPTURE', 'FAILED') and (i.in_flight_until is null or i.in_flight_until < now()) for update`,
    [close.orderId],
  );
  for (const intent of waiting) {
    await em.execute(`update ${s}.payment_intent set status = 'CANCELLED', next_action = null, updated_at = now() where id = ?`, [intent.id]);
    if (intent.provider_payment_id && (intent.status === 'REQUIRES_ACTION' || intent.status === 'REQUIRES_CAPTURE')) {
      await scheduleTimer(em, {
        kind: cancelProviderPaymentTimer,
        key: intent.id,
        dueAt: storeNow(),
        payload: { providerPaymentId: intent.provider_payment_id },
      });
    }
  }

  const reason = close.status === 'EXPIRED' ? 'EXPIRY' : 'CANCELLATION';
  let position = await positionOf(em, close.orderId, currency);
  const earned = available(position, refundSources.RETURN);
  if (earned > 0) {
    // It shipped before it ended (its parcel came back to the store): what it paid was earned at shipping, so the
    // refund orders decided comes out of revenue and the rest stays earned; there is no fee to keep on top.
    const refund = Math.min(close.refund.amount, earned, refundable(position));
    if (refund < close.refund.amount)
      runtime.logger.warn(
        { orderId: close.orderId, asked: close.refund.amount, refunded: refund },
        'payments: refund above what the order earned; refunded that',
      );
    if (refund > 0) await decideRefund(em, { orderId: close.orderId, amount: refund, currency, reason, ledgerReason: 'RETURN', requestedBy: null, note: null });
    close = { ...close, fee: { ...close.fee, amount: 0 }, refund: { ...close.refund, amount: 0 } };
    position = await positionOf(em, close.orderId, currency);
  }
  if (close.fee.amount > 0) {
    const feeReason = chooseFeeReason(close.status, close.fee.amount, position.balances.CUSTOMER_DEPOSITS_HELD, await paidDownPayment(em, close.orderId));
    const fee = Math.min(close.fee.amount, available(position, feeSources[feeReason]));
    if (fee < close.fee.amount)
      runtime.logger.warn({ orderId: close.orderId, asked: close.fee.amount, kept: fee }, 'payments: fee above what the order holds; kept what it holds');
    if (fee > 0) await keepFee(em, { orderId: close.orderId, amount: fee, currency, reason: feeReason });
    position = await positionOf(em, close.orderId, currency);
  }
  const ledgerReason: LedgerRefundReason = 'CANCELLATION';
  const most = Math.min(refundable(position), available(position, refundSources[ledgerReason]));
  const refund = Math.min(close.refund.amount, most);
  if (refund < close.refund.amount)
    runtime.logger.warn(
      { orderId: close.orderId, asked: close.refund.amount, refunded: refund },
      'payments: refund above what the order holds; refunded what it holds',
    );
  // What orders did not decide to keep goes back: its refund, and anything it had not heard of.
  if (most > 0) await decideRefund(em, { orderId: close.orderId, amount: most, currency, reason, ledgerReason, requestedBy: null, note: null });
}

function chooseFeeReason(status: 'CANCELLED' | 'EXPIRED', fee: number, depositsHeld: number, downPayment: boolean): FeeReason {
  if (status === 'EXPIRED' && fee <= depositsHeld) return downPayment ? 'DOWN_PAYMENT_FORFEITED' : 'DEPOSIT_FORFEITED';
  return 'CANCELLATION_FEE';
}

async function paidDownPayment(em: EntityManager, orderId: string): Promise<boolean> {
  return (await orderTransactions(em, [orderId])).some((t) => t.kind === 'CHARGE_CAPTURED' && t.reason === 'DOWN_PAYMENT');
}

export function onOrderCancelled(em: EntityManager, event: EventEnvelope<EventData<typeof orderCancelledV1>>): Promise<void> {
  const d = event.data;
  return closeOrder(em, { orderId: d.orderId, customerId: d.customerId, status: 'CANCELLED', fee: d.fee, refund: d.refund });
}

export function onOrderExpired(em: EntityManager, event: EventEnvelope<EventData<typeof orderExpiredV1>>): Promise<void> {
  const d = event.data;
  return closeOrder(em, { orderId: d.orderId, customerId: d.customerId, status: 'EXPIRED', fee: d.kept, refund: d.refund });
}

/**
 * A hold the provider voided before its order shipped (card holds last about
 * a week; Stripe tells by its `payment_intent.canceled` webhook) leaves its
 * due open with nothing to capture: at SHIPPED the stored card is charged
 * afresh for it, as for a hold refused at capture (replaceLapsedHold). Only
 * dues with no attempt still live or paid, so never twice.
 */
async function chargeVoidedHolds(em: EntityManager, orderId: string): Promise<void> {
  const s = schemaOf(em);
  const voided = await em.execute<Row[]>(
    `select distinct on (d.id) d.id as due_id, d.order_id, a.product, a.shipping, i.customer_id, i.purpose, i.currency, i.payment_method_id
       from ${s}.payment_due d
       join ${s}.payment_allocation a on a.due_id = d.id
       join ${s}.payment_intent i on i.id = a.intent_id
      where d.order_id = ? and d.state = 'OPEN' and d.collect = 'STORED_METHOD'
        and i.capture = 'AT_DISPATCH' and i.status = 'CANCELLED' and i.authorized_at is not null
        and not exists (
          select 1 from ${s}.payment_allocation a2 join ${s}.payment_intent i2 on i2.id = a2.intent_id
           where a2.due_id = d.id and i2.status in ('REQUIRES_PAYMENT_METHOD', 'REQUIRES_ACTION', 'PROCESSING', 'REQUIRES_CAPTURE', 'SUCCEEDED'))
      order by d.id, i.created_at desc`,
    [orderId],
  );
  for (const due of voided) {
    await openStoredMethodCharge(em, {
      customerId: due.customer_id,
      purpose: due.purpose,
      currency: due.currency,
      paymentMethodId: due.payment_method_id,
      capture: 'AUTOMATIC',
      // What the hold covered last (the final shipping cost may have lowered it), as replaceLapsedHold takes.
      due: { dueId: due.due_id, orderId: due.order_id, product: Number(due.product), shipping: Number(due.shipping) },
    });
  }
}

/**
 * Keeps the order's status; at SHIPPED everything held for it becomes revenue
 * (ORDER_SHIPPED, per currency), and an amount only held on the card (charge
 * at ship, taken at dispatch) is captured by a timer, outside this consumer's
 * path; its capture is revenue as it is booked. A hold voided before then is
 * charged afresh (chargeVoidedHolds).
 */
export async function onOrderStatusChanged(em: EntityManager, event: EventEnvelope<EventData<typeof orderStatusChangedV1>>): Promise<void> {
  const { orderId, to } = event.data;
  const s = schemaOf(em);
  // The update locks the row as lockOrders would: one statement for both.
  const updated = await em.execute<Row[]>(`update ${s}.known_order set status = ?, updated_at = now() where id = ? returning id`, [to.slice(0, 32), orderId]);
  if (updated.length === 0) return; // payments never heard of money for it
  if (to !== shippedOrderStatus) return;
  const held = await em.execute<Row[]>(
    `select id from ${s}.payment_intent where status = 'REQUIRES_CAPTURE' and id in (select intent_id from ${s}.payment_allocation where order_id = ?)`,
    [orderId],
  );
  for (const intent of held) await scheduleTimer(em, { kind: captureHeldPaymentTimer, key: intent.id, dueAt: storeNow() });
  await chargeVoidedHolds(em, orderId);
  const currencies = await em.execute<{ currency: string }[]>(`select distinct currency from ${s}.ledger_posting where order_id = ?`, [orderId]);
  for (const { currency } of currencies) {
    const shipped = orderShipped(await positionOf(em, orderId, currency));
    if (shipped) await postTransaction(em, shipped);
  }
}
