import type { FieldProblem } from '@vitrine/platform';
import { isCountryCode } from '@vitrine/contracts';

export interface NewStudioInput {
  name: string;
  country: string;
  contactEmail: string;
}

export interface CleanStudio {
  name: string;
  country: string;
  contactEmail: string;
}

// Deliberately loose (one @, a dot in the domain, no spaces): the real check is the mail staff send.
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

/** Every problem with a new studio at once; the cleaned values (trimmed, country upper-cased, email lower-cased) when none. */
export function checkNewStudio(input: NewStudioInput): { studio: CleanStudio; problems: FieldProblem[] } {
  const studio = { name: input.name.trim(), country: input.country.trim().toUpperCase(), contactEmail: input.contactEmail.trim().toLowerCase() };
  const problems: FieldProblem[] = [];
  if (studio.name.length === 0 || studio.name.length > 120) {
    problems.push({ field: 'name', reason: 'INVALID_LENGTH', message: 'Name must be between 1 and 120 characters.' });
  }
  if (!isCountryCode(studio.country)) {
    problems.push({ field: 'country', reason: 'UNKNOWN_COUNTRY', message: 'Country must be an ISO 3166-1 alpha-2 code, e.g. JP or CN.' });
  }
  if (studio.contactEmail.length > 254 || !emailPattern.test(studio.contactEmail)) {
    problems.push({ field: 'contactEmail', reason: 'INVALID_EMAIL', message: 'Contact email must look like name@example.com.' });
  }
  return { studio, problems };
}
