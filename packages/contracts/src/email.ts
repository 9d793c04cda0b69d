/**
 * Emails as every service spells and checks them (customers' sign-in,
 * studios' contacts). The one spelling of an email we store and compare: trimmed and lowercased,
 * so "Ann@Example.com " and "ann@example.com" are one account. (Local parts
 * are case-sensitive in theory; no mailbox provider customers use treats
 * them so, and two accounts differing by case would be a support trap.)
 */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** RFC 5321 limits the whole address to 254 characters. */
export const maxEmailLength = 254;

// Deliberately loose: one @, something on each side, a dot in the domain, no spaces.
// The real check is the mail we send; stricter patterns only refuse real addresses.
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

export function isPlausibleEmail(normalised: string): boolean {
  return normalised.length <= maxEmailLength && emailPattern.test(normalised);
}
