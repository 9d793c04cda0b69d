import { describe, expect, it } from 'vitest';
import { checkPassword, defaultPasswordPolicy, type PasswordPolicy } from './password-policy.js';

const reasons = (password: string, policy?: PasswordPolicy) =>
  checkPassword(password, policy)
    .map((p) => p.reason)
    .sort();

describe('default password policy (seed 003: half-width, no spaces, lower, upper, digit and symbol)', () => {
  it.each([
    ['Passw0rd!'],
    ['aB3`aaaa'], // backtick is in the set as written
    ['aB3\\aaaa'],
    ['Zz9~{|}"\'#'],
    ['Aa1!' + 'x'.repeat(124)], // exactly 128
    ['Aa1!Aa1!'], // exactly 8
  ])('accepts %s', (password) => {
    expect(checkPassword(password)).toEqual([]);
  });

  it.each([
    ['Ｐassword1!', ['FULL_WIDTH_CHARACTER', 'MISSING_UPPERCASE']], // full-width P is not an uppercase ASCII letter
    ['Password１!', ['FULL_WIDTH_CHARACTER', 'MISSING_DIGIT']],
    ['Password1！', ['FULL_WIDTH_CHARACTER', 'MISSING_SYMBOL']],
    ['Passwörd1!', ['FULL_WIDTH_CHARACTER']], // non-ASCII letters are outside "half-width only" too
    ['パスワードPass1!', ['FULL_WIDTH_CHARACTER']],
    ['Pass word1!', ['CONTAINS_SPACE']],
    ['Pass\tword1!', ['CONTAINS_SPACE']],
    ['Pass\u3000word1!', ['CONTAINS_SPACE', 'FULL_WIDTH_CHARACTER']], // ideographic space
    ['password1!', ['MISSING_UPPERCASE']],
    ['PASSWORD1!', ['MISSING_LOWERCASE']],
    ['Password!!', ['MISSING_DIGIT']],
    ['Password11', ['MISSING_SYMBOL']],
    ['Password1€', ['MISSING_SYMBOL', 'SYMBOL_NOT_ALLOWED']],
    ['Password1!£', ['SYMBOL_NOT_ALLOWED']],
    ['Pa1!', ['TOO_SHORT']],
    ['Aa1!' + 'x'.repeat(125), ['TOO_LONG']],
    ['', ['MISSING_DIGIT', 'MISSING_LOWERCASE', 'MISSING_SYMBOL', 'MISSING_UPPERCASE', 'TOO_SHORT']],
    ['ａ ', ['CONTAINS_SPACE', 'FULL_WIDTH_CHARACTER', 'MISSING_DIGIT', 'MISSING_LOWERCASE', 'MISSING_SYMBOL', 'MISSING_UPPERCASE', 'TOO_SHORT']],
  ])('refuses %j with exactly %j', (password, expected) => {
    expect(reasons(password)).toEqual([...expected].sort());
  });

  it('allows every ASCII punctuation character: none is outside the set as written', () => {
    const asciiSymbols = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).filter((c) => /[^A-Za-z0-9 ]/.test(c));
    expect(asciiSymbols).toHaveLength(32);
    for (const symbol of asciiSymbols) expect(reasons(`Abcdef1${symbol}`), symbol).toEqual([]);
  });

  it('reports each broken rule once, with a message and the password field', () => {
    const problems = checkPassword('Ｐａｓｓ ｗｏｒｄ €€');
    expect(new Set(problems.map((p) => p.reason)).size).toBe(problems.length);
    for (const p of problems) expect(p).toEqual({ field: 'password', reason: expect.any(String), message: expect.stringMatching(/\w/) });
  });

  it('gives the length limits with their problems, for a client to word them', () => {
    expect(checkPassword('Ab1!').find((p) => p.reason === 'TOO_SHORT')).toMatchObject({ min: 8 });
    expect(checkPassword(`Ab1!${'x'.repeat(130)}`).find((p) => p.reason === 'TOO_LONG')).toMatchObject({ max: 128 });
  });

  it('counts characters, not UTF-16 units, for length', () => {
    expect(reasons('Aa1!😀😀😀😀')).toEqual(['FULL_WIDTH_CHARACTER']); // 8 characters: not TOO_SHORT
  });
});

describe('policies are data', () => {
  it('a preset without backtick refuses it as SYMBOL_NOT_ALLOWED', () => {
    const strict = { ...defaultPasswordPolicy, allowedSymbols: defaultPasswordPolicy.allowedSymbols.replace('`', '') };
    expect(reasons('Passw0rd!`', strict)).toEqual(['SYMBOL_NOT_ALLOWED']);
    expect(reasons('Passw0rd`', strict)).toEqual(['MISSING_SYMBOL', 'SYMBOL_NOT_ALLOWED']);
  });

  it('a preset without required classes and other lengths', () => {
    const relaxed: PasswordPolicy = { minLength: 4, maxLength: 6, requiredClasses: ['digit'], allowedSymbols: '-' };
    expect(reasons('1234', relaxed)).toEqual([]);
    expect(reasons('abcdefg', relaxed)).toEqual(['MISSING_DIGIT', 'TOO_LONG']);
  });
});
