import type { FieldProblem } from '@vitrine/platform/domain';
import { isWideCharacter } from './wide-characters.js';

export type CharacterClass = 'lowercase' | 'uppercase' | 'digit' | 'symbol';

export type PasswordRule =
  | 'TOO_SHORT'
  | 'TOO_LONG'
  | 'FULL_WIDTH_CHARACTER'
  | 'CONTAINS_SPACE'
  | 'SYMBOL_NOT_ALLOWED'
  | 'MISSING_LOWERCASE'
  | 'MISSING_UPPERCASE'
  | 'MISSING_DIGIT'
  | 'MISSING_SYMBOL';

/** A store's password rules as data, so a stricter or looser preset is a new object, not new code. */
export interface PasswordPolicy {
  /** Lengths count characters (code points), not UTF-16 units. */
  minLength: number;
  maxLength: number;
  requiredClasses: readonly CharacterClass[];
  /** The only symbols accepted; every other symbol is SYMBOL_NOT_ALLOWED. */
  allowedSymbols: string;
}

/**
 * Seed 003's password rule: half-width (ASCII) only, no spaces, lower + upper +
 * digit + symbol. The symbol set as the seed writes it is every ASCII punctuation
 * character (all 32, backtick included), so no ASCII symbol is refused by it.
 */
export const defaultPasswordPolicy: PasswordPolicy = {
  minLength: 8,
  maxLength: 128,
  requiredClasses: ['lowercase', 'uppercase', 'digit', 'symbol'],
  allowedSymbols: '!"#$%&\'()*+,-./:;<=>?@[\\]^_{|}~`',
};

const classRules: Record<CharacterClass, { rule: PasswordRule; test: (c: string, policy: PasswordPolicy) => boolean; message: string }> = {
  lowercase: { rule: 'MISSING_LOWERCASE', test: (c) => c >= 'a' && c <= 'z', message: 'Add a lowercase letter (a-z).' },
  uppercase: { rule: 'MISSING_UPPERCASE', test: (c) => c >= 'A' && c <= 'Z', message: 'Add an uppercase letter (A-Z).' },
  digit: { rule: 'MISSING_DIGIT', test: (c) => c >= '0' && c <= '9', message: 'Add a digit (0-9).' },
  symbol: { rule: 'MISSING_SYMBOL', test: (c, p) => p.allowedSymbols.includes(c), message: 'Add a symbol such as ! # $ % & or @.' },
};

const isAsciiPrintable = (c: string) => c >= ' ' && c <= '~';
const isSpace = (c: string) => /\s/u.test(c);
const isSymbol = (c: string) => /[\p{P}\p{S}]/u.test(c);
const isAsciiAlphanumeric = (c: string) => /^[A-Za-z0-9]$/.test(c);

/** Every rule the password breaks, at once, so the form can show them together. */
export function checkPassword(password: string, policy: PasswordPolicy = defaultPasswordPolicy): FieldProblem[] {
  const chars = [...password];
  const broken = new Map<PasswordRule, string>();
  const flag = (rule: PasswordRule, message: string) => broken.has(rule) || broken.set(rule, message);

  if (chars.length < policy.minLength) flag('TOO_SHORT', `Use at least ${policy.minLength} characters.`);
  if (chars.length > policy.maxLength) flag('TOO_LONG', `Use at most ${policy.maxLength} characters.`);
  for (const c of chars) {
    if (isSpace(c)) flag('CONTAINS_SPACE', 'Spaces are not allowed.');
    if (isWideCharacter(c)) flag('FULL_WIDTH_CHARACTER', 'Use half-width characters only (switch your keyboard to half-width / ASCII input).');
    if (isSpace(c) || isWideCharacter(c) || isAsciiAlphanumeric(c)) continue;
    if (isSymbol(c) || isAsciiPrintable(c)) {
      if (!policy.allowedSymbols.includes(c)) flag('SYMBOL_NOT_ALLOWED', `Only these symbols are allowed: ${policy.allowedSymbols}`);
    } else {
      // Accented or other non-ASCII letters and digits: outside "half-width only" as well.
      flag('FULL_WIDTH_CHARACTER', 'Use half-width characters only (switch your keyboard to half-width / ASCII input).');
    }
  }
  for (const required of policy.requiredClasses) {
    const { rule, test, message } = classRules[required];
    if (!chars.some((c) => test(c, policy))) flag(rule, message);
  }
  // The length limits travel with their problems too, so a client can word them in its own language.
  const limits: Partial<Record<PasswordRule, { min?: number; max?: number }>> = { TOO_SHORT: { min: policy.minLength }, TOO_LONG: { max: policy.maxLength } };
  return [...broken].map(([reason, message]) => ({ field: 'password', reason, message, ...limits[reason] }));
}
