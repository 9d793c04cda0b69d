import { dictionary } from '@zxcvbn-ts/language-common';
import type { FieldProblem } from '@vitrine/platform/domain';

/**
 * The deny-list: zxcvbn-ts's list of ~49,000 common passwords (from leaked
 * password corpora; a maintained package, @zxcvbn-ts/language-common).
 * Checked on top of the policy rules, case-insensitively, also with the
 * digits and symbols that people add to satisfy a policy stripped from the
 * ends ("Password1!" is "password").
 */
const commonPasswords: ReadonlySet<string> = new Set(dictionary['passwords-common'] as string[]);

export function isCommonPassword(password: string, denied: ReadonlySet<string> = commonPasswords): boolean {
  const lower = password.toLowerCase();
  const candidates = [lower, lower.replace(/[^a-z]+$/, ''), lower.replace(/^[^a-z]+|[^a-z]+$/g, '')];
  return candidates.some((candidate) => candidate.length >= 4 && denied.has(candidate));
}

export function checkNotCommon(password: string, field = 'password'): FieldProblem[] {
  return isCommonPassword(password)
    ? [{ field, reason: 'COMMON_PASSWORD', message: 'This password is among the most common ones and easy to guess. Choose another.' }]
    : [];
}
