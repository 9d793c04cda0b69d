import type { FieldProblem } from '@vitrine/platform/domain';
import { isCountryCode, isPlausibleEmail, normaliseEmail } from '@vitrine/contracts';

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

/** Every problem with a new studio at once; the cleaned values (trimmed, country upper-cased, email lower-cased) when none. */
export function checkNewStudio(input: NewStudioInput): { studio: CleanStudio; problems: FieldProblem[] } {
  const studio = { name: input.name.trim(), country: input.country.trim().toUpperCase(), contactEmail: normaliseEmail(input.contactEmail) };
  const problems: FieldProblem[] = [];
  if (studio.name.length === 0 || studio.name.length > 120) {
    problems.push({ field: 'name', reason: 'INVALID_LENGTH', message: 'Name must be between 1 and 120 characters.' });
  }
  if (!isCountryCode(studio.country)) {
    problems.push({ field: 'country', reason: 'UNKNOWN_COUNTRY', message: 'Country must be an ISO 3166-1 alpha-2 code, e.g. JP or CN.' });
  }
  if (!isPlausibleEmail(studio.contactEmail)) {
    problems.push({ field: 'contactEmail', reason: 'INVALID_EMAIL', message: 'Contact email must look like name@example.com.' });
  }
  return { studio, problems };
}
