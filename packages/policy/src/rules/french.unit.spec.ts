import { describe, expect, it } from 'vitest';
import { presetNames, presets } from '../presets/index.js';
import { cancellationQuote } from './cancellation.js';
import { claimCoverage } from './claims.js';
import { keepDiscount } from './claim-resolutions.js';
import { claimCompensation } from './compensation.js';
import type { Rule } from './decision.js';
import { describePolicy } from './describe.js';
import { replacementLeadTime } from './replacement-parts.js';
import { decidingRule, ruleIn, ruleTexts } from './reword.js';
import { returnQuote } from './returns.js';
import { upfrontRequirement } from './upfront.js';
import { at, orderFacts } from './orders.fixture.js';

const rulesOf = (name: (typeof presetNames)[number], lang: 'en' | 'fr') => describePolicy(presets[name], lang).flatMap((s) => s.rules);

/** French typography: a non-breaking space (or Intl's narrow one) before ':' ';' '%' and inside « », never a plain space or none. */
function expectFrenchTypography(text: string) {
  expect(text).not.toMatch(/ [:;%»]|« /);
  expect(text).not.toMatch(/[^\u00a0\u202f][:;%»]|«[^\u00a0]/);
}

describe('rules in French', () => {
  it.each(presetNames)('%s: every rule of the description has a French sentence, same ids and sections as the English', (name) => {
    const en = describePolicy(presets[name]);
    const fr = describePolicy(presets[name], 'fr');
    expect(fr.map((s) => s.rules.map((r) => r.id))).toEqual(en.map((s) => s.rules.map((r) => r.id)));
    expect(fr.map((s) => s.title)).not.toEqual(en.map((s) => s.title));
    rulesOf(name, 'fr').forEach((r: Rule, i) => {
      expect(r.text).not.toBe(rulesOf(name, 'en')[i]!.text);
      expect(r.text).toMatch(/^[A-ZÉÀ«].*\.$/);
      expect(r.text).not.toMatch(/\b(the|of|within|and|our|is|are)\b/);
      expectFrenchTypography(r.text);
    });
  });

  it.each(presetNames)('%s: English is the default and stays as it was', (name) => {
    expect(describePolicy(presets[name], 'en')).toEqual(describePolicy(presets[name]));
  });

  it('deposit-store reads with its seed numbers, Intl spacing for percentages', () => {
    expect(rulesOf('deposit-store', 'fr').map((r) => r.text)).toEqual(
      expect.arrayContaining([
        'Les précommandes demandent un acompte de 30\u00a0% du prix à la commande. Vous pouvez aussi tout payer à la commande (livraison estimée comprise).',
        'Annulation dans les 24 heures suivant le paiement de l’acompte\u00a0: sans frais.',
        'Annulation dans les 7 jours suivant la commande\u00a0: des frais de 50\u00a0% de l’acompte.',
        'Annulation plus de 7 jours après la commande\u00a0: la commande est annulée et rien n’est remboursé.',
        'Annulation après le traitement de la commande\u00a0: des frais de remise en stock de 30\u00a0% du prix total.',
        'Les commandes en stock partent à l’expédition sous 2 à 3 jours ouvrés après le paiement.',
        'Signalez un dommage dans les 10 jours suivant la date de livraison du transporteur.',
      ]),
    );
  });

  it('a cancellation quote in French: the same amounts, the rule in French, the kept down payment said too', () => {
    const policy = presets['deposit-store'];
    const order = orderFacts({ deposit: 6000, paid: { deposit: 6000, downPayment: 1000 }, depositPaidAt: at('2026-03-03T09:00:00Z') });
    const now = at('2026-03-05T10:00:00Z');
    const fr = cancellationQuote(policy, order, now, 'fr');
    const { rule: enRule, ...amounts } = cancellationQuote(policy, order, now);
    expect(fr).toEqual({
      ...amounts,
      rule: {
        id: enRule.id,
        text: 'Annulation dans les 7 jours suivant la commande\u00a0: des frais de 50\u00a0% de l’acompte. L’avance non remboursable est conservée.',
      },
    });
    const shipped = orderFacts({ kind: 'IN_STOCK', plan: 'FULL_PAYMENT', shippedAt: at('2026-03-03T00:00:00Z') });
    expect(cancellationQuote(policy, shipped, now, 'fr').rule).toEqual({
      id: 'order-cancellation.refused-once-shipped',
      text: 'Une commande expédiée ne peut plus être annulée\u00a0; voyez plutôt la politique de retour.',
    });
  });

  it('decisions outside the description speak French too', () => {
    const policy = presets['deposit-store'];
    expect(claimCompensation(policy, 'HIGH', 'HEAD_SCULPT_SPECIAL', 'fr').rule.text).toBe(
      'Un problème de gravité forte donne droit à 100\u00a0% du remboursement maximal de la pièce (tête spéciale\u00a0: 40,00\u00a0$US).',
    );
    expect(keepDiscount(presets['pay-on-arrival'], 10_005, 'fr').rule.text).toMatch(/^Vous gardez l’article\u00a0: une remise de/);
    expect(returnQuote(policy, orderFacts(), at('2026-03-05T10:00:00Z'), 'PREFERENCE', 'fr').rule.text).toBe(
      'Un retour peut être demandé une fois la commande livrée.',
    );
    const covered = claimCoverage(
      policy,
      { orderKind: 'IN_STOCK', statusWhenOrdered: 'IN_STOCK', releasedAt: null, orderedAt: at('2026-03-01T00:00:00Z') },
      'fr',
    );
    expect(covered.rule.text).toBe('Ce produit est couvert par le service après-vente.');
    expect(replacementLeadTime(presets['statue-store'], false, at('2026-03-01T00:00:00Z'), 'fr').rule.id).toBe('claims.replacement-made-on-demand');
    expect(upfrontRequirement(presets['charge-at-ship'], [], 'DEPOSIT', undefined, 'fr').rule.text).toBe(
      'Cette boutique ne propose pas de précommande par acompte.',
    );
    for (const text of [
      claimCompensation(policy, 'HIGH', 'PACKAGING_BOX', 'fr').rule.text,
      replacementLeadTime(presets['statue-store'], false, at('2026-03-01T00:00:00Z'), 'fr').rule.text,
    ])
      expectFrenchTypography(text);
  });

  describe('ruleIn: a rule stored in English, worded again', () => {
    const policy = presets['deposit-store'];

    it('gives each rule of the description, and those only decisions state, in French', () => {
      for (const name of presetNames) {
        const fr = rulesOf(name, 'fr');
        rulesOf(name, 'en').forEach((r, i) => expect(ruleIn(presets[name], r, 'fr')).toEqual(fr[i]));
      }
      const order = orderFacts({ deposit: 6000, paid: { deposit: 6000, downPayment: 1000 }, depositPaidAt: at('2026-03-03T09:00:00Z') });
      const now = at('2026-03-05T10:00:00Z');
      expect(ruleIn(policy, cancellationQuote(policy, order, now).rule, 'fr')).toEqual(cancellationQuote(policy, order, now, 'fr').rule);
      expect(ruleIn(policy, claimCompensation(policy, 'LOW', 'WEAPON_SMALL').rule, 'fr')).toEqual(claimCompensation(policy, 'LOW', 'WEAPON_SMALL', 'fr').rule);
      const late = returnQuote(policy, orderFacts({ deliveredAt: at('2026-03-01T00:00:00Z') }), at('2026-04-01T00:00:00Z'), 'PREFERENCE');
      expect(ruleIn(policy, late.rule, 'fr')).toEqual({ id: 'returns.window-closed', text: 'Le délai de retour de 7 jours après la livraison est écoulé.' });
    });

    it('keeps what was stored when it is not exactly this policy’s rule, and English as it is', () => {
      const other = { id: 'returns.within-window', text: 'Returns are accepted within 30 days of delivery.' };
      expect(ruleIn(policy, other, 'fr')).toBe(other);
      const own = { id: 'claims.compensation-cap', text: 'Capped at what the line paid.' };
      expect(ruleIn(policy, own, 'fr')).toBe(own);
      const english = rulesOf('deposit-store', 'en')[0]!;
      expect(ruleIn(policy, english, 'en')).toBe(english);
    });
  });
  describe('ruleTexts: a decided rule in every language, for a refusal to carry', () => {
    const policy = presets['deposit-store'];

    it('gives the English and the French of a rule this policy decided', () => {
      const order = orderFacts({ deposit: 6000, paid: { deposit: 6000, downPayment: 1000 }, depositPaidAt: at('2026-03-03T09:00:00Z') });
      const now = at('2026-03-05T10:00:00Z');
      const decided = cancellationQuote(policy, order, now).rule;
      expect(ruleTexts(policy, decided)).toEqual({ en: decided.text, fr: cancellationQuote(policy, order, now, 'fr').rule.text });
      expect(decidingRule(policy, decided)).toEqual({ ...decided, texts: ruleTexts(policy, decided) });
    });

    it('gives only the English of a rule that is not exactly this policy’s', () => {
      const other = { id: 'returns.within-window', text: 'Returns are accepted within 30 days of delivery.' };
      expect(ruleTexts(policy, other)).toEqual({ en: other.text });
    });
  });
});
