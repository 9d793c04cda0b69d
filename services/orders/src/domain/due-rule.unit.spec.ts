import { describe, expect, it } from 'vitest';
import { balanceDueRule, payAtOrderRule, presets } from '@vitrine/policy';
import { dueRuleIn } from './due-rule.js';

const policy = presets['deposit-store'];

describe('a due’s rule in another language', () => {
  it('is the same rule of the order’s policy version worded in French', () => {
    expect(dueRuleIn(policy, 'BALANCE', balanceDueRule(policy).text, 'fr')).toBe(
      'Le solde et la livraison sont à payer dans les 14 jours suivant l’avis de sortie.',
    );
    expect(dueRuleIn(policy, 'DEPOSIT', payAtOrderRule(policy).text, 'fr')).toBe(payAtOrderRule(policy, 'fr').text);
  });

  it('keeps what was stored when it is not that rule, when there is none, or in English', () => {
    expect(dueRuleIn(policy, 'BALANCE', 'Pay within 3 days.', 'fr')).toBe('Pay within 3 days.');
    expect(dueRuleIn(policy, 'DEPOSIT', balanceDueRule(policy).text, 'fr')).toBe(balanceDueRule(policy).text);
    expect(dueRuleIn(policy, 'EXTRA_SHIPPING', 'Any text.', 'fr')).toBe('Any text.');
    expect(dueRuleIn(policy, 'BALANCE', null, 'fr')).toBeNull();
    expect(dueRuleIn(policy, 'BALANCE', balanceDueRule(policy).text, 'en')).toBe(balanceDueRule(policy).text);
  });
});
