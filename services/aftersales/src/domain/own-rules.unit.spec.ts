import { describe, expect, it } from 'vitest';
import { claimGrades, presets } from '@vitrine/policy';
import { capRule, gradedByStaffRule, gradedFromChartRule, notInOriginalConditionRule, ownRuleTexts } from './own-rules.js';
import { claimRuleIn, claimRuleTexts, eventRule } from './rule-words.js';

const ownRules = [capRule, notInOriginalConditionRule, ...claimGrades.flatMap((g) => [gradedByStaffRule(g), gradedFromChartRule(g)])];

describe('after-sales’ own rules', () => {
  it('each has its English as stored and a French sentence of its own, with French typography', () => {
    for (const rule of ownRules) {
      const texts = ownRuleTexts(rule)!;
      expect(texts.en).toBe(rule.text);
      expect(texts.fr).toMatch(/^[A-ZÉÀ].*\.$/);
      expect(texts.fr).not.toBe(texts.en);
      expect(texts.fr).not.toMatch(/ [:;%»]|\b(the|of|by|our)\b/);
    }
    expect(new Set(ownRules.map((r) => ownRuleTexts(r)!.fr)).size).toBe(ownRules.length);
  });

  it('are worded by after-sales, and any other rule by the order’s policy, else kept as stored', () => {
    const policy = presets['deposit-store'];
    expect(claimRuleIn(policy, gradedByStaffRule('HIGH'), 'fr')).toEqual({ id: 'claims.grade-by-staff', text: 'Dégât classé élevé par notre équipe.' });
    expect(claimRuleIn(policy, capRule, 'en')).toEqual(capRule);
    const unknown = { id: 'claims.something', text: 'A sentence no one words.' };
    expect(claimRuleIn(policy, unknown, 'fr')).toEqual(unknown);
    expect(claimRuleTexts(policy, unknown)).toEqual({ en: unknown.text });
    expect(eventRule(policy, capRule)).toEqual({ ...capRule, texts: ownRuleTexts(capRule) });
  });
});
