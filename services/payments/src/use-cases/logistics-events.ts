import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventData, EventEnvelope, extraShippingInvoicedV1, shippingQuotedV1 } from '@vitrine/contracts';
import { available, refundSources } from '../domain/ledger-movements.js';
import { refundable } from '../domain/order-position.js';
import { runtimeOf } from '../config/payments-runtime.js';
import { positionOf } from '../store/ledger-book.js';
import { releaseHeldShipping } from './held-payments.js';
import { decideRefund, lockOrders } from './order-money.js';
import { recordAnnouncedDue } from './order-events.js';

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
