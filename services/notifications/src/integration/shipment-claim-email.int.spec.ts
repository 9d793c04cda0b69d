import { randomUUID } from 'node:crypto';
import {
  claimDecidedV1,
  claimSubmittedV1,
  extraShippingInvoicedV1,
  extraShippingWaivedV1,
  orderPlacedV1,
  orderStatusChangedV1,
  productPublishedV1,
  shipmentDeliveredV1,
  shipmentDispatchedV1,
  shipmentOpenedV1,
  shippingQuotedV1,
  type EventDefinition,
} from '@vitrine/contracts';
import type { PublishedEventInput } from '@vitrine/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootNotifications, storefront, type NotificationsHarness } from './harness.js';

let n: NotificationsHarness;
beforeAll(async () => {
  n = await bootNotifications('notifications_shipment_claim');
});
afterAll(async () => {
  await n?.stopAll();
});

const usd = (amount: number) => ({ amount, currency: 'USD' });
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const jpy = (amount: number) => ({ amount, currency: 'JPY' });
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const ref = (id: string) => id.slice(0, 8).toUpperCase();
const parcel = { weightGrams: 2_350, dimensions: { lengthMm: 420, widthMm: 300, heightMm: 250 } };
const dispatchedAt = '2027-05-24T08:30:00.000Z';

/** Publishes an event twice under one id, as a redelivery would. */
async function deliverTwice<TDef extends EventDefinition>(input: Omit<PublishedEventInput<TDef>, 'id'>): Promise<void> {
  const first = await n.publish(input);
  await n.publish({ ...input, id: first.id });
}

/** An order orders placed, and the shipment logistics opened for it once it was paid. */
async function orderInShipment(customerId: string, productId: string): Promise<{ orderId: string; shipmentId: string }> {
  const orderId = randomUUID();
  const shipmentId = randomUUID();
  await n.publish({ source: 'orders', definition: orderPlacedV1, subject: orderId, data: { orderId, customerId, lines: [{ productId, quantity: 1 }] } });
  await n.publish({
    source: 'logistics',
    definition: shipmentOpenedV1,
    subject: shipmentId,
    data: { shipmentId, customerId, orderIds: [orderId], warehouseId: null, handoverBy: null, openedAt: new Date().toISOString() },
  });
  return { orderId, shipmentId };
}

const kindsOf = async (customerId: string) => (await n.messagesOf(customerId)).map((m) => [m.kind, m.status]);

describe('logistics email', () => {
  it('a parcel: the final quote with its refund, the dispatch with carrier and tracking number, then delivery, one email each however often they come', async () => {
    const ann = await n.newCustomer('US');
    const productId = randomUUID();
    await n.publish({
      source: 'catalog',
      definition: productPublishedV1,
      subject: productId,
      data: { productId, sku: 'FIG-2', name: 'Saber 1/7 Scale', price: usd(24_900) },
    });
    const { orderId, shipmentId } = await orderInShipment(ann.id, productId);

    await deliverTwice({
      source: 'logistics',
      definition: shippingQuotedV1,
      subject: shipmentId,
      data: {
        shipmentId,
        customerId: ann.id,
        finalCost: usd(1_620),
        ...parcel,
        outcome: 'REFUND_EXCESS',
        orders: [{ orderId, estimatePaid: usd(1_850), finalShare: usd(1_620), excessRefund: usd(230), extraDue: usd(0) }],
        quotedAt: new Date().toISOString(),
      },
    });
    const quote = (await n.mailTo(ann.email, 2))[1]!;
    expect(quote.to).toEqual([ann.email]);
    expect(quote.subject).toBe(`Final shipping cost for order ${ref(orderId)}: $16.20, $2.30 refunded`);
    expect(quote.text).toContain(
      `We packed order ${ref(orderId)}: the parcel weighs 2.35 kg and measures 42 × 30 × 25 cm. Shipping it costs $16.20; the estimate paid at checkout was $18.50.`,
    );
    expect(quote.text).toContain('we are refunding the difference, $2.30, to your original payment method.');

    await deliverTwice({
      source: 'logistics',
      definition: shipmentDispatchedV1,
      subject: shipmentId,
      data: {
        shipmentId,
        customerId: ann.id,
        orderIds: [orderId],
        carrier: 'UPS',
        trackingNumber: '1Z999AA10123456784',
        ...parcel,
        finalCost: usd(1_620),
        dispatchedAt,
      },
    });
    const dispatch = (await n.mailTo(ann.email, 3))[2]!;
    expect(dispatch.subject).toBe(`Order ${ref(orderId)} shipped with UPS: tracking number 1Z999AA10123456784`);
    expect(dispatch.text).toContain(`Order ${ref(orderId)} left our warehouse on May 24, 2027 with UPS.`);
    expect(dispatch.text).toContain('Tracking number: 1Z999AA10123456784');
    expect(dispatch.text).toContain(`Track your order: ${storefront}/orders/${orderId}`);

    // Orders moves the order on: SHIPPED is the fact the dispatch told (no second email); DELIVERED is told once, by orders.
    await n.publish({ source: 'orders', definition: orderStatusChangedV1, subject: orderId, data: { orderId, from: 'IN_FULFILMENT', to: 'SHIPPED' } });
    await deliverTwice({
      source: 'logistics',
      definition: shipmentDeliveredV1,
      subject: shipmentId,
      data: { shipmentId, customerId: ann.id, orderIds: [orderId], deliveredAt: '2027-05-27T15:00:00.000Z' },
    });
    await n.publish({
      source: 'orders',
      definition: orderStatusChangedV1,
      subject: orderId,
      data: { orderId, from: 'SHIPPED', to: 'DELIVERED', deliveredAt: '2027-05-27T15:00:00.000Z' },
    });
    const mails = await n.mailTo(ann.email, 4);
    expect(mails.map((m) => m.subject)).toEqual(['Welcome to the store, Customer 1', quote.subject, dispatch.subject, `Order ${ref(orderId)} was delivered`]);
    expect(await kindsOf(ann.id)).toEqual([
      ['WELCOME', 'SENT'],
      ['SHIPPING_QUOTED', 'SENT'],
      ['SHIPMENT_DISPATCHED', 'SENT'],
      ['ORDER_DELIVERED', 'SENT'],
    ]);
  });

  it('a final cost above the estimate: the extra to pay with its link, in French; the invoice that follows sends nothing more', async () => {
    const bea = await n.newCustomer('FR');
    const { orderId, shipmentId } = await orderInShipment(bea.id, randomUUID());
    await deliverTwice({
      source: 'logistics',
      definition: shippingQuotedV1,
      subject: shipmentId,
      data: {
        shipmentId,
        customerId: bea.id,
        finalCost: eur(2_140),
        ...parcel,
        outcome: 'EXTRA_INVOICE',
        orders: [{ orderId, estimatePaid: eur(1_850), finalShare: eur(2_140), excessRefund: eur(0), extraDue: eur(290) }],
        quotedAt: new Date().toISOString(),
      },
    });
    // Same topic and key as the dispatch below: consumed before it.
    await n.publish({
      source: 'logistics',
      definition: extraShippingInvoicedV1,
      subject: shipmentId,
      data: { shipmentId, customerId: bea.id, invoices: [{ invoiceId: randomUUID(), orderId, amount: eur(290) }], invoicedAt: new Date().toISOString() },
    });
    await deliverTwice({
      source: 'logistics',
      definition: shipmentDispatchedV1,
      subject: shipmentId,
      data: {
        shipmentId,
        customerId: bea.id,
        orderIds: [orderId],
        carrier: 'COLISSIMO',
        trackingNumber: '6A12345678901',
        ...parcel,
        finalCost: eur(2_140),
        dispatchedAt,
      },
    });
    const mails = await n.mailTo(bea.email, 3);
    expect(mails.map((m) => plain(m.subject))).toEqual([
      'Bienvenue, Customer 2',
      `Frais de port définitifs de la commande ${ref(orderId)} : 21,40 €, 2,90 € restant à payer`,
      `Commande ${ref(orderId)} expédiée avec COLISSIMO : numéro de suivi 6A12345678901`,
    ]);
    const quote = plain(mails[1]!.text);
    expect(quote).toContain("C'est plus que l'estimation : merci de régler la différence, 2,90 €.");
    expect(quote).toContain('Reste à payer: 2,90 €');
    expect(quote).toContain(`Payer maintenant: ${storefront}/orders/${orderId}/pay`);
    expect(mails[1]!.html).toContain('<html lang="fr">');
    expect(plain(mails[2]!.text)).toContain(`La commande ${ref(orderId)} a quitté notre entrepôt le 24 mai 2027 avec COLISSIMO.`);
    expect((await kindsOf(bea.id)).map(([kind]) => kind)).toEqual(['WELCOME', 'SHIPPING_QUOTED', 'SHIPMENT_DISPATCHED']);
  });

  it('staff waive a parcel’s extra postage: one email saying the store covers it and nothing is left to pay, in the customer’s language, however often it comes', async () => {
    const dan = await n.newCustomer('FR');
    const { orderId, shipmentId } = await orderInShipment(dan.id, randomUUID());
    const invoiceId = randomUUID();
    await n.publish({
      source: 'logistics',
      definition: shippingQuotedV1,
      subject: shipmentId,
      data: {
        shipmentId,
        customerId: dan.id,
        finalCost: eur(2_140),
        ...parcel,
        outcome: 'EXTRA_INVOICE',
        orders: [{ orderId, estimatePaid: eur(1_850), finalShare: eur(2_140), excessRefund: eur(0), extraDue: eur(290) }],
        quotedAt: new Date().toISOString(),
      },
    });
    await n.publish({
      source: 'logistics',
      definition: extraShippingInvoicedV1,
      subject: shipmentId,
      data: { shipmentId, customerId: dan.id, invoices: [{ invoiceId, orderId, amount: eur(290) }], invoicedAt: new Date().toISOString() },
    });
    const reason = 'Our packer chose a box one size too big.';
    await deliverTwice({
      source: 'logistics',
      definition: extraShippingWaivedV1,
      subject: shipmentId,
      data: {
        shipmentId,
        customerId: dan.id,
        invoices: [{ invoiceId, orderId, amount: eur(290) }],
        reason,
        actorId: randomUUID(),
        waivedAt: new Date().toISOString(),
      },
    });
    const mails = await n.mailTo(dan.email, 3);
    expect(mails).toHaveLength(3);
    const waiver = mails[2]!;
    expect(waiver.to).toEqual([dan.email]);
    expect(plain(waiver.subject)).toBe(`Bonne nouvelle pour la commande ${ref(orderId)} : nous prenons en charge le supplément de port de 2,90 €`);
    const text = plain(waiver.text);
    expect(text).toContain(
      `Bonne nouvelle : nous prenons en charge le supplément de port de 2,90 € pour votre colis (commande ${ref(orderId)}) ; vous n'avez plus rien à payer.`,
    );
    expect(text).toContain('Reste à payer: Rien');
    // The order's page, not the pay page: a whole line of its own.
    expect(text.split(/\r?\n/)).toContain(`Voir votre commande: ${storefront}/orders/${orderId}`);
    expect(text).not.toContain(reason);
    expect(waiver.html).toContain('<html lang="fr">');
    expect(await kindsOf(dan.id)).toEqual([
      ['WELCOME', 'SENT'],
      ['SHIPPING_QUOTED', 'SENT'],
      ['EXTRA_SHIPPING_WAIVED', 'SENT'],
    ]);

    // A consolidated parcel: one email for its waiver, the invoices summed, naming each order.
    const eve = await n.newCustomer('US');
    const [first, second] = [randomUUID(), randomUUID()];
    const parcelId = randomUUID();
    for (const id of [first, second]) {
      await n.publish({
        source: 'orders',
        definition: orderPlacedV1,
        subject: id,
        data: { orderId: id, customerId: eve.id, lines: [{ productId: randomUUID(), quantity: 1 }] },
      });
    }
    await n.publish({
      source: 'logistics',
      definition: shipmentOpenedV1,
      subject: parcelId,
      data: { shipmentId: parcelId, customerId: eve.id, orderIds: [first, second], warehouseId: null, handoverBy: null, openedAt: new Date().toISOString() },
    });
    await deliverTwice({
      source: 'logistics',
      definition: extraShippingWaivedV1,
      subject: parcelId,
      data: {
        shipmentId: parcelId,
        customerId: eve.id,
        invoices: [
          { invoiceId: randomUUID(), orderId: first, amount: usd(300) },
          { invoiceId: randomUUID(), orderId: second, amount: usd(150) },
        ],
        reason,
        actorId: randomUUID(),
        waivedAt: new Date().toISOString(),
      },
    });
    const both = await n.mailTo(eve.email, 2);
    expect(both).toHaveLength(2);
    const refs = [first, second].sort().map(ref).join(', ');
    expect(both[1]!.subject).toBe(`Good news for orders ${refs}: we are covering the extra postage of $4.50`);
    expect(both[1]!.text).toContain(`Good news: we are covering the extra postage of $4.50 for your parcel (orders ${refs}); there is nothing more to pay.`);
    expect(both[1]!.text).toContain('Extra postage covered by the store: $4.50');
    expect((await kindsOf(eve.id)).map(([kind]) => kind)).toEqual(['WELCOME', 'EXTRA_SHIPPING_WAIVED']);
  });
});

describe('after-sales email', () => {
  it('a claim received, then decided (partial refund, replacement parts), one email each with its figures, however often they come', async () => {
    const cat = await n.newCustomer('US');
    const productId = randomUUID();
    await n.publish({
      source: 'catalog',
      definition: productPublishedV1,
      subject: productId,
      data: { productId, sku: 'FIG-3', name: 'Rei 1/4 Scale', price: jpy(38_000) },
    });
    const orderId = randomUUID();
    await n.publish({
      source: 'orders',
      definition: orderPlacedV1,
      subject: orderId,
      data: { orderId, customerId: cat.id, lines: [{ productId, quantity: 1 }] },
    });
    const claim = { orderId, customerId: cat.id, productId };
    const [refunded, replaced] = [randomUUID(), randomUUID()];

    await deliverTwice({
      source: 'aftersales',
      definition: claimSubmittedV1,
      subject: orderId,
      data: { ...claim, claimId: refunded, kind: 'ACCESSORY_DAMAGED', policyVersion: 1, evidenceCount: 2, submittedAt: new Date().toISOString() },
    });
    const received = (await n.mailTo(cat.email, 2))[1]!;
    expect(received.subject).toBe(`We received your claim on order ${ref(orderId)}`);
    expect(received.text).toContain(`Your claim about Rei 1/4 Scale in order ${ref(orderId)} (damaged accessory) has reached our after-sales team.`);
    expect(received.text).toContain(`Claim: ${ref(refunded)}`);
    expect(received.text).toContain('Photos and videos: 2');

    const rule = { id: 'claims.compensation.HIGH', text: 'A high grade refunds 100% of the part’s maximum reimbursement.' };
    const decided = { decidedBy: randomUUID(), decidedAt: new Date().toISOString() };
    await deliverTwice({
      source: 'aftersales',
      definition: claimDecidedV1,
      subject: orderId,
      data: {
        ...claim,
        claimId: refunded,
        resolution: 'PARTIAL_REFUND',
        refund: jpy(2_500),
        replacementParts: [],
        parts: [{ category: 'HEAD_SCULPT', grade: 'HIGH', amount: jpy(2_500), rule }],
        ...decided,
      },
    });
    const refund = (await n.mailTo(cat.email, 3))[2]!;
    expect(refund.subject).toBe(`Your claim on order ${ref(orderId)}: ¥2,500 refunded`);
    expect(refund.text).toContain('You keep the item, and we are refunding ¥2,500 to your original payment method.');
    expect(refund.text).toContain('- Head sculpt (grade: high): ¥2,500');
    expect(refund.text).toContain(rule.text);
    expect(refund.text).toContain('Refund: ¥2,500');

    await deliverTwice({
      source: 'aftersales',
      definition: claimDecidedV1,
      subject: orderId,
      data: {
        ...claim,
        claimId: replaced,
        resolution: 'REPLACEMENT_PART',
        refund: null,
        replacementParts: ['WEAPON_SMALL'],
        parts: [],
        ...decided,
      },
    });
    const replacement = (await n.mailTo(cat.email, 4))[3]!;
    expect(replacement.subject).toBe(`Your claim on order ${ref(orderId)}: replacement parts are coming`);
    expect(replacement.text).toContain('We are sending you replacement parts: weapon (small).');
    expect(replacement.text).not.toContain('Refund:');
    expect((await kindsOf(cat.id)).map(([kind]) => kind)).toEqual(['WELCOME', 'CLAIM_SUBMITTED', 'CLAIM_DECIDED', 'CLAIM_DECIDED']);
  });
});
