import type { FieldProblem } from '@vitrine/platform/domain';
import { checkNotCommon } from './common-passwords.js';
import { checkPassword, defaultPasswordPolicy, type PasswordPolicy } from './password-policy.js';

/**
 * A password being chosen (sign-up, change, reset): the policy's rules first,
 * every broken one at once; then, only for a password the policy accepts, the
 * common-password deny-list. Reported under `field`.
 */
export function checkNewPassword(password: string, field = 'password', policy: PasswordPolicy = defaultPasswordPolicy): FieldProblem[] {
  const problems = checkPassword(password, policy);
  return (problems.length ? problems : checkNotCommon(password)).map((problem) => ({ ...problem, field }));
}
