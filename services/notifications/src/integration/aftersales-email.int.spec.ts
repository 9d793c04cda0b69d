import { randomUUID } from 'node:crypto';
import {
  claimEvidenceRequestedV1,
  claimOfferedV1,
  claimRefusedV1,
  claimResolvedV1,
  orderPlacedV1,
  productPublishedV1,
  returnReceivedV1,
  returnRequestedV1,
  type EventDefinition,
} from '@vitrine/contracts';
import type { PublishedEventInput } from '@vitrine/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootNotifications, storefront, type NotificationsHarness } from './harness.js';

let n: NotificationsHarness;
beforeAll(async () => {
  n = await bootNotifications('notifications_aftersales');
});
afterAll(async () => {
  await n?.stopAll();
});

const jpy = (amount: number) => ({ amount, currency: 'JPY' });
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const ref = (id: string) => id.slice(0, 8).toUpperCase();
const rule = (id: string, text: string) => ({ id, text });
const staff = () => randomUUID();
const now = () => new Date().toISOString();

/** Publishes an event twice under one id, as a redelivery would (aftersales keys its events by order). */
async function deliverTwice<TDef extends EventDefinition>(input: Omit<PublishedEventInput<TDef>, 'id'>): Promise<void> {
  const first = await n.publish(input);
  await n.publish({ ...input, id: first.id });
}

/** A product catalog published and an order of it orders placed for `customerId`. */
async function orderOf(customerId: string, name: string): Promise<{ orderId: string; productId: string }> {
  const productId = randomUUID();
  const orderId = randomUUID();
  await n.publish({ source: 'catalog', definition: productPublishedV1, subject: productId, data: { productId, sku: `FIG-${name}`, name, price: jpy(38_000) } });
  await n.publish({ source: 'orders', definition: orderPlacedV1, subject: orderId, data: { orderId, customerId, lines: [{ productId, quantity: 1 }] } });
  return { orderId, productId };
}

describe('after-sales email (offers, evidence, refusals, resolutions, returns)', () => {
  it('a claim asked for evidence, one refused, one offered then resolved with a JPY refund: one email each, with its figures, however often they come', async () => {
    const dan = await n.newCustomer('US');
    const { orderId, productId } = await orderOf(dan.id, 'Rei 1/4 Scale');
    const claim = { orderId, customerId: dan.id, productId };
    const [asked, refused, offered] = [randomUUID(), randomUUID(), randomUUID()];

    await deliverTwice({
      source: 'aftersales',
      definition: claimEvidenceRequestedV1,
      subject: orderId,
      data: { claimId: asked, orderId, customerId: dan.id, note: 'Please add a photo of the crack on the base.', requestedBy: staff(), requestedAt: now() },
    });
    const evidence = (await n.mailTo(dan.email, 2))[1]!;
    expect(evidence.to).toEqual([dan.email]);
    expect(evidence.subject).toBe(`Your claim on order ${ref(orderId)}: please add photos or videos`);
    expect(evidence.text).toContain('Please add a photo of the crack on the base.');
    expect(evidence.text).toContain(`Add photos or videos: ${storefront}/orders/${orderId}/claims/${asked}`);

    const artBox = rule('claims.exclusion.art-box', 'The art box is packaging: damage to it alone is not covered.');
    await deliverTwice({
      source: 'aftersales',
      definition: claimRefusedV1,
      subject: orderId,
      data: { ...claim, claimId: refused, rule: artBox, refusedBy: staff(), refusedAt: now() },
    });
    const refusal = (await n.mailTo(dan.email, 3))[2]!;
    expect(refusal.subject).toBe(`Your claim on order ${ref(orderId)} was refused`);
    expect(refusal.text).toContain(artBox.text);

    const high = rule('claims.compensation.HIGH', 'A high grade refunds 100% of the part’s maximum reimbursement.');
    await deliverTwice({
      source: 'aftersales',
      definition: claimOfferedV1,
      subject: orderId,
      data: {
        ...claim,
        claimId: offered,
        offers: [
          {
            resolution: 'REPLACEMENT_PART',
            refund: null,
            returnPostage: null,
            leadTime: {
              outcome: 'WINDOW',
              earliest: '2027-06-07',
              latest: '2027-06-21',
              rule: rule('claims.lead-time', 'A part from stock arrives in one to three weeks.'),
            },
            rule: rule('claims.resolutions.part', 'A damaged accessory is first replaced.'),
          },
          { resolution: 'PARTIAL_REFUND', refund: jpy(2_500), returnPostage: null, leadTime: null, rule: high },
        ],
        parts: [{ category: 'HEAD_SCULPT', grade: 'HIGH', amount: jpy(2_500), rule: high }],
        decidedBy: staff(),
        decidedAt: now(),
      },
    });
    const offer = (await n.mailTo(dan.email, 4))[3]!;
    expect(offer.subject).toBe(`Your claim on order ${ref(orderId)}: choose how we resolve it`);
    expect(offer.text).toContain('- Replacement part: arrives between June 7, 2027 and June 21, 2027');
    expect(offer.text).toContain('- Keep the item, partial refund: ¥2,500');
    expect(offer.text).toContain(`Choose your resolution: ${storefront}/orders/${orderId}/claims/${offered}`);

    await deliverTwice({
      source: 'aftersales',
      definition: claimResolvedV1,
      subject: orderId,
      data: { ...claim, claimId: offered, resolution: 'PARTIAL_REFUND', refund: jpy(2_500), closedBy: null, resolvedAt: now() },
    });
    const resolved = (await n.mailTo(dan.email, 5))[4]!;
    expect(resolved.subject).toBe(`Your claim on order ${ref(orderId)} is resolved: ¥2,500 refunded`);
    expect(resolved.text).toContain('Refund: ¥2,500');

    expect((await n.mailTo(dan.email, 5)).length).toBe(5);
    expect((await n.messagesOf(dan.id)).map((m) => [m.kind, m.status])).toEqual([
      ['WELCOME', 'SENT'],
      ['CLAIM_EVIDENCE_REQUESTED', 'SENT'],
      ['CLAIM_REFUSED', 'SENT'],
      ['CLAIM_OFFERED', 'SENT'],
      ['CLAIM_RESOLVED', 'SENT'],
    ]);
  });

  it('returns inspected: one refunded less the restocking fee, in French; one refunding nothing, with its rule: one email each', async () => {
    const eve = await n.newCustomer('FR');
    const kept = await orderOf(eve.id, 'Saber 1/7 Scale');
    const used = await orderOf(eve.id, 'Asuka 1/7 Scale');
    const inspected = { condition: 'PERFECT_UNUSED' as const, restockingFee: eur(2_490), receivedBy: staff(), receivedAt: now() };

    await deliverTwice({
      source: 'aftersales',
      definition: returnReceivedV1,
      subject: kept.orderId,
      data: {
        ...inspected,
        returnId: randomUUID(),
        ...kept,
        customerId: eve.id,
        accepted: true,
        refund: eur(22_410),
        rule: rule('returns.preference', 'Un article inutilisé renvoyé sous 7 jours est remboursé, moins 10 % de frais de remise en stock.'),
      },
    });
    const refunded = (await n.mailTo(eve.email, 2))[1]!;
    expect(refunded.to).toEqual([eve.email]);
    expect(plain(refunded.subject)).toBe(`Votre retour pour la commande ${ref(kept.orderId)} : 224,10 € remboursés`);
    expect(plain(refunded.text)).toContain('Remboursement: 224,10 €');
    expect(plain(refunded.text)).toContain('Frais de remise en stock: 24,90 €');

    // The rule as aftersales sends it: the English it decided and the order's policy's French beside it.
    const notAsNew = {
      ...rule('returns.condition', 'Only an unused item is refunded.'),
      texts: { en: 'Only an unused item is refunded.', fr: 'Seul un article inutilisé est remboursé.' },
    };
    await deliverTwice({
      source: 'aftersales',
      definition: returnReceivedV1,
      subject: used.orderId,
      data: {
        ...inspected,
        condition: 'USED_OR_DAMAGED',
        returnId: randomUUID(),
        ...used,
        customerId: eve.id,
        accepted: false,
        refund: eur(0),
        rule: notAsNew,
      },
    });
    const nothing = (await n.mailTo(eve.email, 3))[2]!;
    expect(plain(nothing.subject)).toBe(`Votre retour pour la commande ${ref(used.orderId)} : rien à rembourser`);
    expect(nothing.text).toContain('Il n’y a rien à rembourser.');
    expect(nothing.text).toContain(notAsNew.texts.fr);
    expect(nothing.text).not.toContain(notAsNew.text);
    expect((await n.messagesOf(eve.id)).map((m) => m.kind)).toEqual(['WELCOME', 'RETURN_RECEIVED', 'RETURN_RECEIVED']);
  });

  it('a return accepted: the refund it will make, the restocking fee, the shipping refunded or not, who pays the postage and the rule; one email however often it comes', async () => {
    const fay = await n.newCustomer('US');
    const kept = await orderOf(fay.id, 'Rei 1/7 Scale');
    const returnRule = rule(
      'returns.preference',
      'An item in perfect condition, unused, may be returned within 7 days of delivery: refunded less a 30% restocking fee; shipping is not refunded.',
    );
    await deliverTwice({
      source: 'aftersales',
      definition: returnRequestedV1,
      subject: kept.orderId,
      data: {
        returnId: randomUUID(),
        ...kept,
        customerId: fay.id,
        quotedRefund: jpy(26_600),
        restockingFee: jpy(11_400),
        shippingRefund: jpy(0),
        returnPostage: 'CUSTOMER',
        rule: returnRule,
        requestedAt: now(),
      },
    });
    const [, accepted] = await n.mailTo(fay.email, 2);
    expect(plain(accepted!.subject)).toBe(`Your return for order ${ref(kept.orderId)} is accepted: ¥26,600 refunded once it is back`);
    const text = plain(accepted!.text);
    expect(text).toContain('You asked to send Rei 1/7 Scale back');
    expect(text).toContain('A restocking fee of ¥11,400 is kept. The shipping you paid is not refunded. You pay the postage to send it back.');
    expect(text).toContain(returnRule.text);
    expect(text).toContain('Refund on arrival: ¥26,600');
    expect(text).not.toContain('Shipping refunded');
    expect((await n.messagesOf(fay.id)).map((m) => [m.kind, m.status])).toEqual([
      ['WELCOME', 'SENT'],
      ['RETURN_REQUESTED', 'SENT'],
    ]);
  });
});
