import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventData, EventEnvelope, extraShippingInvoicedV1, extraShippingWaivedV1, shippingQuotedV1 } from '@vitrine/contracts';
import { scheduleTimer, storeNow } from '@vitrine/platform';
import { available, refundSources } from '../domain/ledger-movements.js';
import { refundable } from '../domain/order-position.js';
import { runtimeOf } from '../config/payments-runtime.js';
import { positionOf } from '../store/ledger-book.js';
import { schemaOf, type Row } from '../store/sql.js';
import { releaseHeldShipping } from './held-payments.js';
import { decideRefund, lockOrders } from './order-money.js';
import { recordAnnouncedDue } from './order-events.js';
import { cancelProviderPaymentTimer } from './stored-method-charges.js';

/**
 * logistics' ShippingQuoted: an order whose share of the final shipping cost
 * is below the estimate it paid gets the excess back (reason SHIPPING_EXCESS,
 * from what its shipping still holds). An amount above that is cut to it and
 * logged (logistics and payments disagree); an order payments never took
 * money for is skipped, logged. An order whose payment is only held on the
 * card (charge at ship, taken at dispatch) has the excess released from the
 * hold instead: less is captured, nothing is refunded.
 */
export async function onShippingQuoted(em: EntityManager, event: EventEnvelope<EventData<typeof shippingQuotedV1>>): Promise<void> {
  const logger = runtimeOf(em).logger;
  const { shipmentId } = event.data;
  for (const { orderId, excessRefund } of [...event.data.orders].sort((a, b) => a.orderId.localeCompare(b.orderId))) {
    if (excessRefund.amount <= 0) continue;
    const [order] = await lockOrders(em, [orderId]);
    if (!order) {
      logger.warn({ orderId, shipmentId }, 'payments: shipping excess for an order payments took no money for; nothing refunded');
      continue;
    }
    const released = await releaseHeldShipping(em, orderId, excessRefund.amount);
    if (released === excessRefund.amount) continue;
    const position = await positionOf(em, orderId, excessRefund.currency);
    const amount = Math.min(excessRefund.amount - released, refundable(position), available(position, refundSources.SHIPPING_EXCESS));
    if (amount < excessRefund.amount - released)
      logger.warn(
        { orderId, shipmentId, asked: excessRefund.amount, refunded: amount },
        'payments: shipping excess above what the order paid for shipping; refunded that',
      );
    if (amount > 0)
      await decideRefund(em, {
        orderId,
        amount,
        currency: excessRefund.currency,
        reason: 'SHIPPING_EXCESS',
        ledgerReason: 'SHIPPING_EXCESS',
        requestedBy: null,
        note: `Shipment ${shipmentId}: the final shipping cost is below the estimate paid.`,
      });
  }
}

/**
 * logistics' ExtraShippingInvoiced: each invoice is a due the customer pays
 * (purpose EXTRA_SHIPPING, all shipping, its id the invoice's, so the
 * PaymentSucceeded allocation that pays it names the invoice logistics waits
 * for before dispatch), with its pay-now link like any other.
 */
export async function onExtraShippingInvoiced(em: EntityManager, event: EventEnvelope<EventData<typeof extraShippingInvoicedV1>>): Promise<void> {
  const { customerId } = event.data;
  for (const invoice of event.data.invoices) {
    await recordAnnouncedDue(em, {
      dueId: invoice.invoiceId,
      orderId: invoice.orderId,
      customerId,
      purpose: 'EXTRA_SHIPPING',
      amount: invoice.amount,
      goods: { amount: 0, currency: invoice.amount.currency },
      shipping: invoice.amount,
      dueAt: null,
      collect: 'CUSTOMER',
      paymentMethodId: null,
    });
  }
}

/**
 * logistics' ExtraShippingWaived: staff waived these extra shipping invoices
 * (the store absorbs the postage). Each open due becomes WAIVED: no longer
 * payable (pay and the pay-now page refuse it, DUE_WAIVED), and attempts
 * waiting on the customer for it are given up (at the provider too); one at
 * the provider right now that succeeds is given back when booked (see
 * recordCapture). A due the customer paid before the waiver reached us
 * (logistics took the waiver first) is waived too and its payment given back
 * (SHIPPING_EXCESS, from the shipping it paid). Under the order's lock; a due
 * already waived or void changes nothing (and the inbox takes each event once).
 */
export async function onExtraShippingWaived(em: EntityManager, event: EventEnvelope<EventData<typeof extraShippingWaivedV1>>): Promise<void> {
  const s = schemaOf(em);
  const logger = runtimeOf(em).logger;
  const { shipmentId } = event.data;
  for (const invoice of [...event.data.invoices].sort((a, b) => a.orderId.localeCompare(b.orderId))) {
    const [order] = await lockOrders(em, [invoice.orderId]);
    const [due] = order ? await em.execute<Row[]>(`select * from ${s}.payment_due where id = ? for update`, [invoice.invoiceId]) : [];
    if (!due || due.purpose !== 'EXTRA_SHIPPING') {
      logger.warn({ shipmentId, invoiceId: invoice.invoiceId }, 'payments: an extra shipping invoice waived that payments never recorded; nothing to cancel');
      continue;
    }
    if (due.state !== 'OPEN' && due.state !== 'SETTLED') continue;
    await em.execute(`update ${s}.payment_due set state = 'WAIVED', closed_at = coalesce(closed_at, now()) where id = ?`, [due.id]);
    if (due.state === 'OPEN') {
      await giveUpWaitingAttempts(em, due.id as string);
      continue;
    }
    // Paid before the waiver reached payments: the store absorbs that postage, so the customer gets it back.
    const position = await positionOf(em, invoice.orderId, due.currency as string);
    const amount = Math.min(Number(due.amount), refundable(position), available(position, refundSources.SHIPPING_EXCESS));
    if (amount < Number(due.amount))
      logger.warn(
        { shipmentId, invoiceId: due.id, paid: Number(due.amount), refunded: amount },
        'payments: a waived invoice paid above what shipping holds; refunded that',
      );
    if (amount > 0)
      await decideRefund(em, {
        orderId: invoice.orderId,
        amount,
        currency: due.currency as string,
        reason: 'SHIPPING_EXCESS',
        ledgerReason: 'SHIPPING_EXCESS',
        requestedBy: null,
        note: `Shipment ${shipmentId}: the extra shipping invoice was waived by the store after it was paid.`,
      });
  }
}

/** Attempts on this due still waiting on the customer (not at the provider right now) are cancelled, at the provider too when it holds one. */
async function giveUpWaitingAttempts(em: EntityManager, dueId: string): Promise<void> {
  const s = schemaOf(em);
  const waiting = await em.execute<Row[]>(
    `select i.* from ${s}.payment_intent i where i.id in (select intent_id from ${s}.payment_allocation where due_id = ?)
       and i.status in ('REQUIRES_PAYMENT_METHOD', 'REQUIRES_ACTION', 'FAILED') and (i.in_flight_until is null or i.in_flight_until < now()) for update`,
    [dueId],
  );
  for (const intent of waiting) {
    await em.execute(`update ${s}.payment_intent set status = 'CANCELLED', next_action = null, updated_at = now() where id = ?`, [intent.id]);
    if (intent.provider_payment_id && intent.status === 'REQUIRES_ACTION') {
      await scheduleTimer(em, {
        kind: cancelProviderPaymentTimer,
        key: intent.id,
        dueAt: storeNow(),
        payload: { providerPaymentId: intent.provider_payment_id },
      });
    }
  }
}
