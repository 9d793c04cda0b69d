import { randomUUID } from 'node:crypto';
import {
  cancellationOfferedV1,
  orderCancelledV1,
  orderConfirmedV1,
  orderExpiredV1,
  orderPlacedV1,
  orderStatusChangedV1,
  paymentDueV1,
  paymentFailedV1,
  productArrivedV1,
  productPublishedV1,
  refundIssuedV1,
  releaseDateChangedV1,
  specChangedV1,
  type EventDefinition,
} from '@vitrine/contracts';
import { eventually, type PublishedEventInput } from '@vitrine/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootNotifications, storefront, type NotificationsHarness } from './harness.js';

let n: NotificationsHarness;
beforeAll(async () => {
  n = await bootNotifications('notifications_email');
});
afterAll(async () => {
  await n?.stopAll();
});

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const usd = (amount: number) => ({ amount, currency: 'USD' });
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const ref = (orderId: string) => orderId.slice(0, 8).toUpperCase();
const rule = { id: 'cancel.within-7-days', text: 'Within 7 days of the order: a restocking fee of 50% of the deposit.' };

/** Publishes an event twice under one id, as a redelivery would. */
async function deliverTwice<TDef extends EventDefinition>(input: Omit<PublishedEventInput<TDef>, 'id'>): Promise<void> {
  const first = await n.publish(input);
  await n.publish({ ...input, id: first.id });
}

async function placedOrder(customerId: string, productId: string): Promise<string> {
  const orderId = randomUUID();
  await n.publish({ source: 'orders', definition: orderPlacedV1, subject: orderId, data: { orderId, customerId, lines: [{ productId, quantity: 1 }] } });
  await n.publish({ source: 'orders', definition: orderStatusChangedV1, subject: orderId, data: { orderId, from: 'PENDING', to: 'SECURED' } });
  return orderId;
}

describe('customer email over SMTP', () => {
  it('welcomes a new customer once, in their country’s language, at the address accounts gave', async () => {
    const fr = await n.newCustomer('FR');
    const [welcome] = await n.mailTo(fr.email, 1);
    expect(welcome).toMatchObject({ to: [fr.email], from: 'store@vitrine.test', subject: 'Bienvenue, Customer 1' });
    expect(welcome!.text).toContain('Votre compte est prêt.');
    expect(welcome!.html).toContain('<html lang="fr">');
    const rows = await n.messagesOf(fr.id);
    expect(rows).toEqual([expect.objectContaining({ kind: 'WELCOME', status: 'SENT', attempts: 1, recipient: fr.email, language: 'fr' })]);
    expect(welcome!.messageId).toBe(`${rows[0]!.id}@notifications.vitrine`);
  });

  it('sends exactly one email per customer-facing event, with its figures, however often the event is delivered', async () => {
    const ann = await n.newCustomer('US');
    const productId = randomUUID();
    await n.publish({
      source: 'catalog',
      definition: productPublishedV1,
      subject: productId,
      data: { productId, sku: 'FIG-1', name: 'Saber 1/7 Scale', price: usd(24_900) },
    });
    const orderId = randomUUID();
    await n.publish({
      source: 'orders',
      definition: orderPlacedV1,
      subject: orderId,
      data: { orderId, customerId: ann.id, lines: [{ productId, quantity: 2 }] },
    });
    const dueAt = '2027-03-14T23:59:00.000Z';
    const events: [string, () => Promise<void>][] = [
      [
        `Order ${ref(orderId)} confirmed`,
        () =>
          deliverTwice({
            source: 'orders',
            definition: orderConfirmedV1,
            subject: orderId,
            data: {
              orderId,
              customerId: ann.id,
              kind: 'PREORDER',
              paymentPlan: 'DEPOSIT',
              policyVersion: 1,
              lines: [{ productId, quantity: 2, unitPrice: usd(24_900) }],
              goodsTotal: usd(49_800),
              shippingEstimate: usd(1_850),
              nextPayment: { purpose: 'BALANCE', amount: usd(39_840), dueAt: null },
            },
          }),
      ],
      [
        `Payment due for order ${ref(orderId)}: $415.90 by March 14, 2027 at 11:59 PM UTC`,
        () =>
          deliverTwice({
            source: 'orders',
            definition: paymentDueV1,
            subject: orderId,
            data: {
              dueId: randomUUID(),
              orderId,
              customerId: ann.id,
              purpose: 'BALANCE',
              amount: usd(41_590),
              goods: usd(39_840),
              shipping: usd(1_750),
              dueAt,
              collect: 'CUSTOMER',
              paymentMethodId: null,
            },
          }),
      ],
      [
        `Order ${ref(orderId)}: we are charging $10.00 to your saved card`,
        () =>
          deliverTwice({
            source: 'orders',
            definition: paymentDueV1,
            subject: orderId,
            data: {
              dueId: randomUUID(),
              orderId,
              customerId: ann.id,
              purpose: 'EXTRA_SHIPPING',
              amount: usd(1_000),
              goods: usd(0),
              shipping: usd(1_000),
              dueAt,
              collect: 'STORED_METHOD',
              paymentMethodId: randomUUID(),
            },
          }),
      ],
      [
        `Payment of $415.90 failed for order ${ref(orderId)}`,
        () =>
          deliverTwice({
            source: 'payments',
            definition: paymentFailedV1,
            subject: orderId,
            data: {
              paymentId: randomUUID(),
              customerId: ann.id,
              purpose: 'BALANCE',
              amount: usd(41_590),
              dues: [{ orderId, dueId: randomUUID() }],
              reason: 'The card was declined.',
              providerCode: 'card_declined',
              failedAt: dueAt,
            },
          }),
      ],
      [
        `New release date for Saber 1/7 Scale: 2027-06`,
        () =>
          deliverTwice({
            source: 'catalog',
            definition: releaseDateChangedV1,
            subject: productId,
            data: { productId, oldEstimate: '2027-03', newEstimate: '2027-06', reason: 'Painting takes longer.', actorId: randomUUID() },
          }),
      ],
      [
        'Specification change for Saber 1/7 Scale',
        () =>
          deliverTwice({
            source: 'catalog',
            definition: specChangedV1,
            subject: productId,
            data: {
              productId,
              specChangeId: randomUUID(),
              changes: [{ field: 'Height', from: '24 cm', to: '26 cm' }],
              description: null,
              reason: 'New sculpt.',
              changedAt: dueAt,
              actorId: randomUUID(),
            },
          }),
      ],
      [
        `Order ${ref(orderId)}: you may cancel until March 14, 2027 at 11:59 PM UTC`,
        () =>
          deliverTwice({
            source: 'orders',
            definition: cancellationOfferedV1,
            subject: orderId,
            data: { orderId, customerId: ann.id, productId, reason: 'SPEC_CHANGE', closesAt: dueAt, refund: usd(9_960), rule },
          }),
      ],
      [
        'Saber 1/7 Scale has arrived at our warehouse',
        () =>
          deliverTwice({
            source: 'catalog',
            definition: productArrivedV1,
            subject: productId,
            data: { productId, warehouseId: randomUUID(), quantity: 10, arrivedAt: dueAt },
          }),
      ],
      [
        `Order ${ref(orderId)} has shipped`,
        () => deliverTwice({ source: 'orders', definition: orderStatusChangedV1, subject: orderId, data: { orderId, from: 'IN_FULFILMENT', to: 'SHIPPED' } }),
      ],
      [
        `Order ${ref(orderId)} was delivered`,
        () => deliverTwice({ source: 'orders', definition: orderStatusChangedV1, subject: orderId, data: { orderId, from: 'SHIPPED', to: 'DELIVERED' } }),
      ],
      [
        `Refund of $99.60 for order ${ref(orderId)}`,
        () =>
          deliverTwice({
            source: 'payments',
            definition: refundIssuedV1,
            subject: orderId,
            data: { refundId: randomUUID(), orderId, customerId: ann.id, amount: usd(9_960), reason: 'SHIPPING_EXCESS', issuedAt: dueAt },
          }),
      ],
    ];
    let expected = 1; // the welcome
    for (const [subject, publish] of events) {
      await publish();
      expected += 1;
      const mails = await n.mailTo(ann.email, expected);
      expect(mails.map((m) => m.subject)).toHaveLength(expected);
      expect(mails.at(-1)!.subject).toBe(subject);
    }
    const mails = await n.mail.messagesTo(ann.email);
    const bySubject = (start: string) => plain(mails.find((m) => m.subject.startsWith(start))!.text);
    expect(bySubject(`Order ${ref(orderId)} confirmed`)).toContain('- 2 × Saber 1/7 Scale: $498.00');
    expect(bySubject(`Order ${ref(orderId)} confirmed`)).toContain('Next payment: balance of $398.40.');
    expect(bySubject('Payment due')).toContain(`Pay now: ${storefront}/orders/${orderId}/pay?due=`);
    expect(bySubject('Payment of')).toContain('The card was declined.');
    expect(bySubject('New release date')).toContain('(it was 2027-03)');
    expect(bySubject('Specification change')).toContain('- Height: 24 cm → 26 cm');
    expect(bySubject(`Order ${ref(orderId)}: you may cancel`)).toContain('get $99.60 back');
    // The order ended after shipping: product news no longer reach it.
    expect((await n.messagesOf(ann.id)).every((m) => m.status === 'SENT')).toBe(true);
  });

  it('tells how an order ended: fee kept and refund, or kept on expiry', async () => {
    const bob = await n.newCustomer('FR');
    const productId = randomUUID();
    const cancelled = await placedOrder(bob.id, productId);
    const expired = await placedOrder(bob.id, productId);
    await deliverTwice({
      source: 'orders',
      definition: orderCancelledV1,
      subject: cancelled,
      data: { orderId: cancelled, customerId: bob.id, by: 'CUSTOMER', reason: 'Changed my mind', fee: eur(2_490), refund: eur(2_490), rule, feesWaived: false },
    });
    await deliverTwice({
      source: 'orders',
      definition: orderExpiredV1,
      subject: expired,
      data: {
        orderId: expired,
        customerId: bob.id,
        kept: eur(4_980),
        refund: eur(0),
        rule: { id: 'expiry', text: 'A balance left unpaid forfeits the deposit.' },
        countsTowardAbuse: true,
      },
    });
    const mails = await n.mailTo(bob.email, 3);
    expect(mails.map((m) => m.subject)).toEqual([
      'Bienvenue, Customer 3',
      `Commande ${ref(cancelled)} annulée`,
      `Commande ${ref(expired)} close : paiement non reçu`,
    ]);
    expect(plain(mails[1]!.text)).toContain('Nous vous remboursons 24,90 €.');
    expect(plain(mails[1]!.text)).toContain('Conservé par la boutique: 24,90 €');
    expect(plain(mails[2]!.text)).toContain('Conservé par la boutique: 49,80 €');
    expect(plain(mails[2]!.text)).not.toContain('Nous vous remboursons');
  });

  it('sends what was queued while the SMTP server was down once it is back: none lost, none twice, every try logged', async () => {
    const cat = await n.newCustomer('US');
    await n.mailTo(cat.email, 1);
    await n.mail.down();
    const orders = [randomUUID(), randomUUID()];
    try {
      for (const orderId of orders) {
        await n.publish({
          source: 'payments',
          definition: refundIssuedV1,
          subject: orderId,
          data: { refundId: randomUUID(), orderId, customerId: cat.id, amount: usd(500), reason: 'STAFF', issuedAt: new Date().toISOString() },
        });
      }
      // Both tried and refused at least twice while the server is away.
      await eventually(async () => {
        const rows = await n.messagesOf(cat.id);
        return rows.filter((r) => r.kind === 'REFUND_ISSUED' && r.status === 'PENDING' && r.attempts >= 2).length === 2;
      });
    } finally {
      await n.mail.up();
    }
    const mails = await n.mailTo(cat.email, 3);
    expect(mails.map((m) => m.subject).sort()).toEqual(
      [...orders.map((o) => `Refund of $5.00 for order ${ref(o)}`), 'Welcome to the store, Customer 4'].sort(),
    );
    const log = await n.sql<{ outcome: string; n: number }>(
      `select a.outcome, count(*)::int as n from notifications.delivery_attempt a join notifications.message m on m.id = a.message_id
        where m.customer_id = ? and m.kind = 'REFUND_ISSUED' group by a.outcome order by a.outcome`,
      [cat.id],
    );
    expect(log.find((l) => l.outcome === 'SENT')?.n).toBe(2);
    expect(log.find((l) => l.outcome === 'FAILED')!.n).toBeGreaterThanOrEqual(4);
  });
});
