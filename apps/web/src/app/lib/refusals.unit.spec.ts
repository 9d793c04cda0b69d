import { describe, expect, it } from 'vitest';
import { refusalsFr } from './messages/refusals.fr.js';
import { cardFailureIn, cardFailureKinds, factsOf, genericCodes, problemKey, problemKeys, refusalIn, ruleKeys, type Refusal } from './refusals.js';

/** Every fact some sentence reads, as the API sends it. */
const allFacts = {
  count: 2,
  retryAfterSeconds: 90,
  status: 'CANCELLED',
  rule: 'order-cancellation.refused-once-shipped',
  orderIds: ['0b6c-1', '0b6c-2'],
  purpose: 'BALANCE',
  currencies: ['EUR', 'USD'],
  missing: 'PHOTOS',
  lastDay: '2027-03-14',
  requestId: 'req-42',
  min: 8,
  max: 5,
  total: 7,
  limit: 2,
  held: 1,
  country: 'DE',
  allowed: ['image/jpeg', 'image/png'],
  maxBytes: 15 * 1024 * 1024,
};
const leftovers = /\$\{|undefined|null|NaN|\[object/;

describe('the API refusals in French', () => {
  it('has a French sentence, its placeholders filled, for every code, rule, problem, card failure and policy rule it maps', () => {
    const facts = factsOf({ ...allFacts, ruleTexts: { en: 'The rule.', fr: 'La règle.' } }, 'fr');
    const sentences = [
      ...genericCodes.map((code) => refusalsFr.codes[code](facts)),
      ...ruleKeys.map((key) => refusalsFr.rules[key](facts)),
      ...problemKeys.map((key) => refusalsFr.problems[key](facts)),
      ...cardFailureKinds.map((kind) => refusalsFr.cardFailures[kind]),
      refusalsFr.wrongCredentials,
    ];
    for (const sentence of sentences) {
      expect(sentence).toEqual(expect.any(String));
      expect(sentence).not.toMatch(leftovers);
      expect(sentence!.length).toBeGreaterThan(10);
    }
  });

  it('words policy refusals from their data: counts, waits, orders and purposes, days, statuses', () => {
    const refused = (rule: string, details: Record<string, unknown>): Refusal => ({
      code: 'POLICY_VIOLATION',
      message: 'English.',
      details: { rule, ...details },
    });
    expect(refusalIn('fr', refused('REGION_LOCKED_BY_OPEN_ORDERS', { count: 1 }))).toBe(
      'Vous avez 1 commande en cours, livrée dans votre région actuelle. Vous pourrez changer de région une fois qu’elle aura été expédiée ou annulée.',
    );
    expect(refusalIn('fr', refused('REGION_LOCKED_BY_OPEN_ORDERS', { count: 3 }))).toMatch(/^Vous avez 3 commandes en cours, livrées/);
    expect(refusalIn('fr', refused('UNSHIPPED_ORDERS', { count: 2 }))).toMatch(/^Vous avez 2 commandes pas encore expédiées\./);
    expect(refusalIn('fr', refused('LOGIN_THROTTLED', { retryAfterSeconds: 1 }))).toContain('Réessayez dans 1 seconde,');
    expect(refusalIn('fr', refused('LOGIN_THROTTLED', { retryAfterSeconds: 61 }))).toContain('Réessayez dans 2 minutes,');
    expect(refusalIn('fr', refused('NOTHING_OWED', { orderIds: ['a', 'b', 'c'], purpose: 'DEPOSIT' }))).toBe(
      'Il n’y a rien à payer pour l’acompte sur les commandes a, b et c.',
    );
    expect(refusalIn('fr', { code: 'CONFLICT', message: 'x', details: { rule: 'ALREADY_PAID', orderIds: ['a'], purpose: 'BALANCE' } })).toBe(
      'Le solde est déjà payé sur la commande a.',
    );
    expect(refusalIn('fr', refused('DUE_WAIVED', { orderIds: ['a'], purpose: 'BALANCE' }))).toBe(
      'La boutique a renoncé au solde sur la commande a : il n’y a rien à payer.',
    );
    expect(refusalIn('fr', refused('DUE_WAIVED', { orderIds: ['a'], purpose: 'DEPOSIT' }))).toContain('renoncé à l’acompte');
    expect(refusalIn('fr', refused('MIXED_CURRENCIES', { currencies: ['EUR', 'USD'] }))).toContain('(EUR et USD)');
    expect(refusalIn('fr', refused('claims.evidence', { ruleText: 'A claim needs photos of the damage.', missing: 'PHOTOS' }))).toBe(
      'Ajoutez des photos des dégâts : la réclamation en a besoin.',
    );
    expect(refusalIn('fr', refused('claims.evidence', { missing: 'UNBOXING_VIDEO' }))).toContain('vidéo du déballage');
    expect(refusalIn('fr', refused('claims.report-window', { lastDay: '2027-03-14' }))).toBe('Le délai pour cette réclamation s’est refermé le 14 mars 2027.');
    expect(refusalIn('fr', refused('ORDER_ENDED', { status: 'CANCELLED' }))).toBe('Cette commande est déjà terminée (annulée).');
    expect(refusalIn('fr', refused('ORDER_ENDED', {}))).toBe('Cette commande est déjà terminée.');
  });

  it('words a refusal by the order’s policy in the policy’s own French the API sends, and a changed quote with the new rule', () => {
    const shipped = {
      en: 'Orders cannot be cancelled once shipped: see the returns policy instead.',
      fr: 'Une commande expédiée ne peut plus être annulée : voyez plutôt la politique de retour.',
    };
    const refused = (rule: string, ruleTexts?: Record<string, string>): Refusal => ({
      code: 'POLICY_VIOLATION',
      message: 'Policy English.',
      details: { rule, ...(ruleTexts ? { ruleTexts } : {}) },
    });
    expect(refusalIn('fr', refused('order-cancellation.refused-once-shipped', shipped))).toBe(shipped.fr);
    expect(refusalIn('en', refused('order-cancellation.refused-once-shipped', shipped))).toBe('Policy English.');
    // A rule the policy does not word in French (or an API that sent no texts) keeps the API's English.
    expect(refusalIn('fr', refused('preorder-cancellation.refused-after-windows', { en: 'Policy English.' }))).toBe('Policy English.');
    expect(refusalIn('fr', refused('returns.window-closed'))).toBe('Policy English.');
    expect(refusalIn('fr', refused('returns.window-closed', { en: 'x', fr: '' }))).toBe('Policy English.');
    const changed: Refusal = {
      code: 'CONFLICT',
      message: 'The terms have changed…',
      details: {
        field: 'quoteToken',
        rule: 'in-stock-cancellation.refused-once-processed',
        ruleTexts: { en: 'x', fr: 'Une commande préparée ne peut plus être annulée.' },
      },
    };
    expect(refusalIn('fr', changed)).toBe(
      'Les conditions d’annulation ont changé depuis votre devis : Une commande préparée ne peut plus être annulée. Relisez-les et confirmez à nouveau.',
    );
    expect(refusalIn('fr', { ...changed, details: { field: 'quoteToken', rule: 'in-stock-cancellation.fee-once-processed' } })).toBe('The terms have changed…');
  });

  it('words bad input problem by problem, with the limits the API sends, keeping the English of what it cannot word', () => {
    const weak: Refusal = {
      code: 'BAD_USER_INPUT',
      message: 'Choose another password.',
      details: {
        problems: [
          { field: 'newPassword', reason: 'TOO_SHORT', message: 'Use at least 8 characters.', min: 8 },
          { field: 'newPassword', reason: 'MISSING_UPPERCASE', message: 'Add an uppercase letter (A-Z).' },
          { field: 'newPassword', reason: 'SOMETHING_NEW', message: 'A brand new rule.' },
        ],
      },
    };
    expect(refusalIn('fr', weak)).toBe('Utilisez au moins 8 caractères. Ajoutez une majuscule (A-Z). A brand new rule.');
    // Without the limit (an older API), the problem's English is kept rather than a vaguer sentence.
    const noLimit = { ...weak, details: { problems: [{ field: 'password', reason: 'TOO_SHORT', message: 'Use at least 8 characters.' }] } };
    expect(refusalIn('fr', noLimit)).toBe('Use at least 8 characters.');
    const checkout: Refusal = {
      code: 'BAD_USER_INPUT',
      message: 'Your order could not be placed: please check the highlighted lines.',
      details: {
        problems: [
          { field: 'lines.0.quantity', reason: 'OVER_PRODUCT_LIMIT', message: '…', max: 1, total: 3 },
          { field: 'lines', reason: 'OVER_CUSTOMER_LIMIT', message: '…', productId: 'p', limit: 2, held: 2 },
          { field: 'lines.1.productId', reason: 'BLOCKED_IN_REGION', message: '…', status: 'PREORDER', country: 'DE' },
          { field: 'lines.2.quantity', reason: 'OUT_OF_RANGE', message: '…', max: 10 },
        ],
      },
    };
    expect(refusalIn('fr', checkout)).toBe(
      'Au plus 1 exemplaire de ce produit par commande (cette commande en a 3). Au plus 2 exemplaires de ce produit par client : vous en avez déjà 2 en commande. La licence ne permet pas de vendre ce produit dans ce pays : Allemagne. Choisissez une quantité de 1 à 10.',
    );
    // A staff form's change that needs its reason (catalog's spec fields before release): French for the back office.
    const noReason: Refusal = {
      code: 'BAD_USER_INPUT',
      message: 'Please give a reason.',
      details: {
        problems: [{ field: 'reason', reason: 'REQUIRED', message: 'Changing scale before release is a spec change customers are told about: say why.' }],
      },
    };
    expect(refusalIn('fr', noReason)).toBe('Indiquez le motif : ce changement en demande un.');
    expect(refusalIn('en', noReason, { withProblems: true })).toBe(
      'Please give a reason. Changing scale before release is a spec change customers are told about: say why.',
    );
    expect(problemKey({ field: 'search', reason: 'REQUIRED' })).toBeNull();
    expect(problemKey({ field: 'lines.3.quantity', reason: 'OUT_OF_RANGE' })).toBe('quantity:OUT_OF_RANGE');
    expect(problemKey({ field: 'claimId', reason: 'TOO_MANY_FILES' })).toBe('TOO_MANY_FILES');
    expect(problemKey({ field: 'offset', reason: 'OUT_OF_RANGE' })).toBeNull();
  });

  it('falls back to the API’s English for unknown codes and rules, and speaks English as the API does', () => {
    const unknown: Refusal = { code: 'SOMETHING_NEW', message: 'A new refusal.', details: {} };
    expect(refusalIn('fr', unknown)).toBe('A new refusal.');
    expect(refusalIn('fr', { code: 'POLICY_VIOLATION', message: 'A new rule.', details: { rule: 'NEW_RULE' } })).toBe('A new rule.');
    expect(refusalIn('fr', { code: 'BAD_USER_INPUT', message: 'Nothing said.', details: {} })).toBe('Nothing said.');
    const region: Refusal = { code: 'POLICY_VIOLATION', message: 'You have 1 open order…', details: { rule: 'REGION_LOCKED_BY_OPEN_ORDERS', count: 1 } };
    expect(refusalIn('en', region)).toBe('You have 1 open order…');
    const bad: Refusal = {
      code: 'BAD_USER_INPUT',
      message: 'Choose another password.',
      details: { problems: [{ field: 'p', reason: 'MISSING_DIGIT', message: 'Add a digit (0-9).' }] },
    };
    expect(refusalIn('en', bad)).toBe('Choose another password.');
    expect(refusalIn('en', bad, { withProblems: true })).toBe('Choose another password. Add a digit (0-9).');
  });

  it('says a refused sign-in and the generic codes in French, with the reference of an unexpected error', () => {
    const wrong: Refusal = { code: 'UNAUTHENTICATED', message: 'The email or password is incorrect.', details: {} };
    expect(refusalIn('fr', wrong, { signIn: true })).toBe('L’e-mail ou le mot de passe est incorrect.');
    expect(refusalIn('en', wrong, { signIn: true })).toBe('The email or password is incorrect.');
    expect(refusalIn('fr', wrong)).toBe('Connectez-vous pour continuer.');
    expect(refusalIn('fr', { code: 'INTERNAL_SERVER_ERROR', message: 'x', details: { requestId: 'req-9' } })).toBe(
      'Un problème est survenu de notre côté. Réessayez ; si cela se reproduit, donnez la référence req-9.',
    );
  });

  it('says a card failure by its kind in French, the API’s words otherwise', () => {
    expect(cardFailureIn('fr', { kind: 'CARD_DECLINED', message: 'Your card was declined.' })).toBe(
      'Votre carte a été refusée. Utilisez une autre carte ou contactez votre banque.',
    );
    expect(cardFailureIn('fr', { kind: 'NEW_KIND', message: 'Something new.' })).toBe('Something new.');
    expect(cardFailureIn('en', { kind: 'CARD_DECLINED', message: 'Your card was declined.' })).toBe('Your card was declined.');
  });
});
