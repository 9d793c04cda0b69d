import { describe, expect, it } from 'vitest';
import { ruleSentence, ruleWords } from './rule-words.js';

describe('a policy rule in a notice', () => {
  const rule = {
    id: 'order-cancellation.refused-once-shipped',
    text: 'Orders cannot be cancelled once shipped.',
    texts: { en: 'Orders cannot be cancelled once shipped.', fr: 'Une commande expédiée ne peut plus être annulée.' },
  };

  it('keeps the sentence in each language the event carried, English always', () => {
    expect(ruleWords(rule)).toEqual(rule.texts);
    expect(ruleWords({ id: rule.id, text: rule.text })).toEqual({ en: rule.text });
  });

  it('is told in the customer’s language, else in English; a notice kept before holds English alone', () => {
    expect(ruleSentence(ruleWords(rule), 'fr')).toBe(rule.texts.fr);
    expect(ruleSentence(ruleWords(rule), 'en')).toBe(rule.text);
    expect(ruleSentence(ruleWords({ id: rule.id, text: rule.text }), 'fr')).toBe(rule.text);
    expect(ruleSentence(rule.text, 'fr')).toBe(rule.text);
    expect(ruleSentence(undefined, 'fr')).toBe('');
  });
});
