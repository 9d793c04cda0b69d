import { describe, expect, it } from 'vitest';
import type { Language } from '../domain/languages.js';
import type { NoticeFacts, NoticeKind } from '../domain/notice.js';
import { present } from '../domain/presentation.js';
import { sampleCustomerName, sampleFacts, sampleIds, sampleProductName } from '../domain/samples.js';
import { renderMessage } from './render-message.js';

// Intl separates French amounts and units with (narrow) no-break spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const ref = sampleIds.orderId.slice(0, 8).toUpperCase();
const orderUrl = `https://shop.example/orders/${sampleIds.orderId}`;

function render(kind: NoticeKind, language: Language, facts: NoticeFacts = sampleFacts[kind], orderId: string | null = sampleIds.orderId) {
  const vars = present(facts, {
    language,
    customerName: sampleCustomerName,
    orderId,
    productNames: { [sampleIds.productId]: sampleProductName },
    storefrontUrl: 'https://shop.example',
  });
  const message = renderMessage(kind, language, vars);
  return { subject: plain(message.subject), text: plain(message.text), html: message.html };
}

describe('the final shipping quote', () => {
  it('below the estimate: the measures, the fee, the estimate paid and the excess refunded', () => {
    const en = render('SHIPPING_QUOTED', 'en');
    expect(en.subject).toBe(`Final shipping cost for order ${ref}: €16.20, €2.30 refunded`);
    expect(en.text).toContain(
      `We packed order ${ref}: the parcel weighs 2.35 kg and measures 42 × 30 × 25 cm. Shipping it costs €16.20; the estimate paid at checkout was €18.50.`,
    );
    expect(en.text).toContain('we are refunding the difference, €2.30, to your original payment method.');
    expect(en.text).toContain('Refunded to you: €2.30');
    expect(en.text).not.toContain('Left to pay');
    expect(en.text).toContain(`View your order: ${orderUrl}`);
    const fr = render('SHIPPING_QUOTED', 'fr');
    expect(fr.subject).toBe(`Frais de port définitifs de la commande ${ref} : 16,20 €, 2,30 € remboursés`);
    expect(fr.text).toContain('le colis pèse 2,35 kg et mesure 42 × 30 × 25 cm');
    expect(fr.text).toContain('nous vous remboursons la différence, 2,30 €');
  });

  it('above the estimate: the extra to pay before dispatch, with the pay link', () => {
    const facts = { ...sampleFacts.SHIPPING_QUOTED, outcome: 'EXTRA_INVOICE', finalCost: eur(2_140), excessRefund: eur(0), extraDue: eur(290) };
    const en = render('SHIPPING_QUOTED', 'en', facts);
    expect(en.subject).toBe(`Final shipping cost for order ${ref}: €21.40, €2.90 left to pay`);
    expect(en.text).toContain('please pay the difference, €2.90. The parcel leaves once it is paid.');
    expect(en.text).toContain('Left to pay: €2.90');
    expect(en.text).not.toContain('Refunded to you');
    expect(en.text).toContain(`Pay now: ${orderUrl}/pay`);
    const fr = render('SHIPPING_QUOTED', 'fr', facts);
    expect(fr.subject).toBe(`Frais de port définitifs de la commande ${ref} : 21,40 €, 2,90 € restant à payer`);
    expect(fr.text).toContain('Reste à payer: 2,90 €');
    expect(fr.text).toContain(`Payer maintenant: ${orderUrl}/pay`);
  });

  it('equal to the estimate: nothing to pay or refund', () => {
    const facts = { ...sampleFacts.SHIPPING_QUOTED, outcome: 'EXACT', finalCost: eur(1_850), excessRefund: eur(0) };
    const en = render('SHIPPING_QUOTED', 'en', facts);
    expect(en.subject).toBe(`Final shipping cost for order ${ref}: €18.50`);
    expect(en.text).toContain('That is the estimate you paid: there is nothing more to pay.');
    expect(en.text).not.toMatch(/Refunded to you|Left to pay/);
  });

  it('a consolidated parcel names each of its orders', () => {
    const other = '0a0b0c0d-1111-4222-8333-444455556666';
    const en = render('SHIPPING_QUOTED', 'en', { ...sampleFacts.SHIPPING_QUOTED, orderIds: [other, sampleIds.orderId] }, null);
    expect(en.subject).toBe(`Final shipping cost for orders 0A0B0C0D, ${ref}: €16.20, €2.30 refunded`);
  });
});

describe('the extra postage waived', () => {
  it('says the store covers the extra, that nothing is left to pay, and links to the order rather than the pay page', () => {
    const en = render('EXTRA_SHIPPING_WAIVED', 'en');
    expect(en.subject).toBe(`Good news for order ${ref}: we are covering the extra postage of €2.90`);
    expect(en.text).toContain(`Good news: we are covering the extra postage of €2.90 for your parcel (order ${ref}); there is nothing more to pay.`);
    expect(en.text).toContain('Extra postage covered by the store: €2.90');
    expect(en.text).toContain('Left to pay: Nothing');
    expect(en.text).toContain(`View your order: ${orderUrl}\n`);
    expect(en.text).not.toContain('/pay');
    const fr = render('EXTRA_SHIPPING_WAIVED', 'fr');
    expect(fr.subject).toBe(`Bonne nouvelle pour la commande ${ref} : nous prenons en charge le supplément de port de 2,90 €`);
    expect(fr.text).toContain(`nous prenons en charge le supplément de port de 2,90 € pour votre colis (commande ${ref}) ; vous n'avez plus rien à payer.`);
    expect(fr.text).toContain('Reste à payer: Rien');
    expect(fr.text).toContain(`Voir votre commande: ${orderUrl}\n`);
    expect(fr.html).toContain('<html lang="fr">');
  });

  it('a consolidated parcel names each order whose extra was waived, in the amount’s currency', () => {
    const other = '0a0b0c0d-1111-4222-8333-444455556666';
    const facts = { ...sampleFacts.EXTRA_SHIPPING_WAIVED, orderIds: [other, sampleIds.orderId], extraWaived: { amount: 700, currency: 'JPY' } };
    const en = render('EXTRA_SHIPPING_WAIVED', 'en', facts, null);
    expect(en.subject).toBe(`Good news for orders 0A0B0C0D, ${ref}: we are covering the extra postage of ¥700`);
    expect(en.text).toContain('View your order: https://shop.example/orders\n');
    expect(render('EXTRA_SHIPPING_WAIVED', 'fr', facts, null).subject).toBe(
      `Bonne nouvelle pour les commandes 0A0B0C0D, ${ref} : nous prenons en charge le supplément de port de 700 JPY`,
    );
  });
});

describe('the dispatch', () => {
  it('says the carrier, the tracking number, the day it left, the measures and the fee', () => {
    const en = render('SHIPMENT_DISPATCHED', 'en');
    expect(en.subject).toBe(`Order ${ref} shipped with COLISSIMO: tracking number 6A12345678901`);
    expect(en.text).toContain(`Order ${ref} left our warehouse on May 24, 2027 with COLISSIMO.`);
    expect(en.text).toContain('Tracking number: 6A12345678901');
    expect(en.text).toContain('Shipping cost: €16.20');
    const fr = render('SHIPMENT_DISPATCHED', 'fr');
    expect(fr.subject).toBe(`Commande ${ref} expédiée avec COLISSIMO : numéro de suivi 6A12345678901`);
    expect(fr.text).toContain(`La commande ${ref} a quitté notre entrepôt le 24 mai 2027 avec COLISSIMO.`);
  });

  it('reads a carrier code as a name', () => {
    expect(render('SHIPMENT_DISPATCHED', 'en', { ...sampleFacts.SHIPMENT_DISPATCHED, carrier: 'DHL_EXPRESS' }).subject).toContain('with DHL EXPRESS:');
  });
});

describe('claims', () => {
  it('a received claim says what it is about and the evidence it came with', () => {
    const en = render('CLAIM_SUBMITTED', 'en');
    expect(en.subject).toBe(`We received your claim on order ${ref}`);
    expect(en.text).toContain(`Your claim about ${sampleProductName} in order ${ref} (damaged accessory) has reached our after-sales team.`);
    expect(en.text).toContain('Claim: 9C8B7A6F');
    expect(en.text).toContain('Photos and videos: 3');
    const fr = render('CLAIM_SUBMITTED', 'fr');
    expect(fr.subject).toBe(`Réclamation reçue pour la commande ${ref}`);
    expect(fr.text).toContain('Problème: accessoire endommagé');
  });

  it('a partial refund: the amount, each graded part and the rule that set it', () => {
    const en = render('CLAIM_DECIDED', 'en');
    expect(en.subject).toBe(`Your claim on order ${ref}: €25.00 refunded`);
    expect(en.text).toContain('You keep the item, and we are refunding €25.00 to your original payment method.');
    expect(en.text).toContain('- Head sculpt (grade: high): €25.00');
    expect(en.text).toContain('A high grade refunds 100% of the part’s maximum reimbursement.');
    expect(en.text).toContain('Refund: €25.00');
    const fr = render('CLAIM_DECIDED', 'fr');
    expect(fr.subject).toBe(`Votre réclamation sur la commande ${ref} : 25,00 € remboursés`);
    expect(fr.text).toContain('- Tête sculptée (niveau : élevé): 25,00 €');
  });

  it('a replacement names the parts coming; a return asks for the item; neither shows a refund', () => {
    const replacement = {
      ...sampleFacts.CLAIM_DECIDED,
      resolution: 'REPLACEMENT_PART',
      refund: null,
      replacementParts: ['WEAPON_SMALL', 'NEW_PART'],
      parts: [],
    };
    const en = render('CLAIM_DECIDED', 'en', replacement);
    expect(en.subject).toBe(`Your claim on order ${ref}: replacement parts are coming`);
    expect(en.text).toContain('We are sending you replacement parts: weapon (small), new part.');
    expect(en.text).not.toContain('Refund:');
    const fr = render('CLAIM_DECIDED', 'fr', replacement);
    expect(fr.text).toContain('Nous vous envoyons des pièces de remplacement : arme (petite), new part.');
    const back = render('CLAIM_DECIDED', 'en', { ...replacement, resolution: 'RETURN', replacementParts: [] });
    expect(back.subject).toBe(`Your claim on order ${ref}: please return the item`);
    expect(back.text).toContain('Please send the item back: the return instructions are on your order page.');
  });
});

describe('claims offered, asked for evidence, refused, resolved; returns received', () => {
  const claimUrl = `${orderUrl}/claims/${sampleIds.claimId}`;

  it('an offer lists what the customer may choose, with amounts, postage and lead time, and links to the choice', () => {
    const en = render('CLAIM_OFFERED', 'en');
    expect(en.subject).toBe(`Your claim on order ${ref}: choose how we resolve it`);
    expect(en.text).toContain('- Replacement part: arrives between June 7, 2027 and June 21, 2027');
    expect(en.text).toContain('- Keep the item, partial refund: €25.00');
    expect(en.text).toContain('- Send the item back: postage paid by the store');
    expect(en.text).toContain('A spare part from stock reaches you in one to three weeks.');
    expect(en.text).toContain('A high grade refunds 100% of the part’s maximum reimbursement.');
    expect(en.text).toContain(`Choose your resolution: ${claimUrl}`);
    const fr = render('CLAIM_OFFERED', 'fr');
    expect(fr.subject).toBe(`Votre réclamation sur la commande ${ref} : choisissez la solution`);
    expect(fr.text).toContain('- Pièce de remplacement: livrée entre le 7 juin 2027 et le 21 juin 2027');
    expect(fr.text).toContain('- Garder l’article, remboursement partiel: 25,00 €');
    expect(fr.text).toContain(`Choisir la solution: ${claimUrl}`);
    const made = render('CLAIM_OFFERED', 'en', {
      ...sampleFacts.CLAIM_OFFERED,
      offers: [
        {
          resolution: 'REPLACEMENT_PART',
          refund: null,
          returnPostage: null,
          leadTime: { outcome: 'MADE_ON_DEMAND', earliest: null, latest: null, rule: 'Made to order.' },
          rule: 'A part.',
        },
        { resolution: 'EXCHANGE', refund: null, returnPostage: null, leadTime: null, rule: 'An exchange.' },
      ],
    });
    expect(made.text).toContain('- Replacement part: made on demand');
    expect(made.text).toContain('- Exchange: a new unit');
  });

  it('a request for evidence quotes staff’s note and links to the claim to add files', () => {
    const en = render('CLAIM_EVIDENCE_REQUESTED', 'en');
    expect(en.subject).toBe(`Your claim on order ${ref}: please add photos or videos`);
    expect(en.text).toContain('Please add a close-up photo of the crack on the left hand, in daylight.');
    expect(en.text).toContain('Add the photos or videos from your claim’s page, then submit the claim again.');
    expect(en.text).toContain(`Add photos or videos: ${claimUrl}`);
    const fr = render('CLAIM_EVIDENCE_REQUESTED', 'fr');
    expect(fr.text).toContain(`Ajouter des photos ou vidéos: ${claimUrl}`);
    const typed = render('CLAIM_EVIDENCE_REQUESTED', 'en', { ...sampleFacts.CLAIM_EVIDENCE_REQUESTED, note: 'Show <the> box & base' });
    expect(typed.html).toContain('Show &lt;the&gt; box &amp; base');
  });

  it('a refusal says the rule', () => {
    const en = render('CLAIM_REFUSED', 'en');
    expect(en.subject).toBe(`Your claim on order ${ref} was refused`);
    expect(en.text).toContain('The art box is packaging: damage to it alone is not covered.');
    expect(render('CLAIM_REFUSED', 'fr').subject).toBe(`Votre réclamation sur la commande ${ref} a été refusée`);
  });

  it('a resolution says what was done and the refund, if any', () => {
    const en = render('CLAIM_RESOLVED', 'en');
    expect(en.subject).toBe(`Your claim on order ${ref} is resolved: €25.00 refunded`);
    expect(en.text).toContain(`As you chose, you keep ${sampleProductName} from order ${ref} with a partial refund. Your claim is closed.`);
    expect(en.text).toContain('Refund: €25.00');
    expect(render('CLAIM_RESOLVED', 'fr').subject).toBe(`Votre réclamation sur la commande ${ref} est réglée : 25,00 € remboursés`);
    const part = render('CLAIM_RESOLVED', 'en', { ...sampleFacts.CLAIM_RESOLVED, resolution: 'REPLACEMENT_PART', refund: null });
    expect(part.subject).toBe(`Your claim on order ${ref} is resolved`);
    expect(part.text).toContain('The replacement part you chose');
    expect(part.text).not.toContain('Refund:');
  });

  it('a received return: the refund less the restocking fee, or nothing, with the rule', () => {
    const en = render('RETURN_RECEIVED', 'en');
    expect(en.subject).toBe(`Your return for order ${ref}: €224.10 refunded`);
    expect(en.text).toContain('We are refunding €224.10 to your original payment method.');
    expect(en.text).toContain('Restocking fee: €24.90');
    expect(en.text).toContain('An unused item returned within 7 days is refunded less a 10% restocking fee.');
    const refused = { ...sampleFacts.RETURN_RECEIVED, accepted: false, refund: eur(0), rule: 'Only an unused item is refunded.' };
    const none = render('RETURN_RECEIVED', 'en', refused);
    expect(none.subject).toBe(`Your return for order ${ref}: nothing to refund`);
    expect(none.text).toContain('It did not come back as your order’s policy asks.');
    expect(none.text).toContain('There is nothing to refund.');
    expect(none.text).not.toMatch(/Refund:|Restocking fee/);
    expect(render('RETURN_RECEIVED', 'fr', refused).subject).toBe(`Votre retour pour la commande ${ref} : rien à rembourser`);
  });

  it('an accepted return for preference: the refund on arrival, the restocking fee, the shipping (refunded or not), who pays the postage, the rule', () => {
    const en = render('RETURN_REQUESTED', 'en');
    expect(en.subject).toBe(`Your return for order ${ref} is accepted: €174.30 refunded once it is back`);
    expect(en.text).toContain(`You asked to send ${sampleProductName} back from order ${ref}.`);
    expect(en.text).toContain('we refund €174.30 to your original payment method once we have inspected it.');
    expect(en.text).toContain('A restocking fee of €74.70 is kept. The shipping you paid is not refunded. You pay the postage to send it back.');
    expect(en.text).toContain('Restocking fee: €74.70');
    expect(en.text).not.toContain('Shipping refunded');
    expect(en.text).toContain('shipping is not refunded; you pay the postage back.');
    const fr = render('RETURN_REQUESTED', 'fr');
    expect(fr.subject).toBe(`Votre retour pour la commande ${ref} est accepté : 174,30 € remboursés à réception`);
    expect(fr.text).toContain(
      'Des frais de remise en stock de 74,70 € sont retenus. Les frais de port payés ne sont pas remboursés. Le port du retour est à votre charge.',
    );
    const refundsShipping = { ...sampleFacts.RETURN_REQUESTED, quotedRefund: eur(18_630), shippingRefund: eur(1_200), returnPostage: 'STORE' };
    const shipped = render('RETURN_REQUESTED', 'en', refundsShipping);
    expect(shipped.text).toContain('The refund includes €12.00 of the shipping you paid. We pay the postage to send it back.');
    expect(shipped.text).toContain('Shipping refunded: €12.00');
    expect(render('RETURN_REQUESTED', 'fr', refundsShipping).text).toContain('Frais de port remboursés: 12,00 €');
  });

  it("a claim's replacement parcel says the store pays its postage instead of a cost", () => {
    const replacement = render('SHIPMENT_DISPATCHED', 'en', { ...sampleFacts.SHIPMENT_DISPATCHED, replacement: true });
    expect(replacement.text).toContain('Shipping cost: Paid by the store (a replacement for your claim)');
    expect(render('SHIPMENT_DISPATCHED', 'en').text).not.toContain('Paid by the store');
  });
});
