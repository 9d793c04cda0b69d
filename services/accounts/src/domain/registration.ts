import type { FieldProblem } from '@vitrine/platform/domain';
import { isCountryCode, isPlausibleEmail, normaliseEmail } from '@vitrine/contracts';
import { checkDisplayName } from './display-name.js';
import { checkNewPassword } from './new-password.js';
import { defaultPasswordPolicy, type PasswordPolicy } from './password-policy.js';

/** A sign-up form as typed, and (from checkRegistration) the same fields normalised. */
export interface RegistrationInput {
  email: string;
  password: string;
  country: string;
  displayName: string;
}

export type RegistrationCheck = { ok: true; value: RegistrationInput } | { ok: false; problems: FieldProblem[] };

/** Every problem with a sign-up form at once; on success, the normalised values to store. */
export function checkRegistration(input: RegistrationInput, policy: PasswordPolicy = defaultPasswordPolicy): RegistrationCheck {
  const email = normaliseEmail(input.email);
  const country = input.country.trim().toUpperCase();
  const displayName = input.displayName.trim();
  const problems: FieldProblem[] = [];
  if (!isPlausibleEmail(email)) {
    problems.push({ field: 'email', reason: 'INVALID_EMAIL', message: 'Enter a valid email address, like name@example.com.' });
  }
  problems.push(...checkNewPassword(input.password, 'password', policy));
  if (!isCountryCode(country)) {
    problems.push({ field: 'country', reason: 'UNKNOWN_COUNTRY', message: 'Choose your country of residence (a two-letter ISO code such as JP, US or FR).' });
  }
  problems.push(...checkDisplayName(displayName));
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { email, password: input.password, country, displayName } };
}
