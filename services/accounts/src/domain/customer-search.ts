import { BadUserInput } from '@vitrine/platform/domain';

/** What staff typed: part of an email, part of a name, or both (every given term must match). */
export interface CustomerSearchTerms {
  email?: string | null;
  name?: string | null;
}

/** The search as the store runs it: LIKE patterns with the user's wildcards escaped. */
export interface CustomerSearch {
  /** Matched against the stored (lowercased) email from its start: `ann@` finds ann@example.com, a whole address finds exactly it. */
  emailPrefix: string | null;
  /** Matched anywhere in the display name, ignoring case. */
  nameContains: string | null;
}

/** Shorter terms would match most of the customer base: a back-office search narrows, it does not export. */
export const minimumNameTerm = 2;

/**
 * Turns staff's terms into the search: trimmed, the email lowercased (as
 * accounts stores it), `%` `_` and `\` taken literally. At least one term is
 * required, and a name term of fewer than two characters is refused.
 */
export function customerSearch(terms: CustomerSearchTerms): CustomerSearch {
  const email = terms.email?.trim().toLowerCase() || null;
  const name = terms.name?.trim() || null;
  if (email === null && name === null) {
    throw new BadUserInput('Search by email, name or both.', [{ field: 'search', reason: 'REQUIRED', message: 'Give an email or a name to search for.' }]);
  }
  if (name !== null && [...name].length < minimumNameTerm) {
    throw new BadUserInput(`A name search needs at least ${minimumNameTerm} characters.`, [
      { field: 'search.name', reason: 'TOO_SHORT', message: `At least ${minimumNameTerm} characters.` },
    ]);
  }
  return { emailPrefix: email === null ? null : `${escapeLike(email)}%`, nameContains: name === null ? null : `%${escapeLike(name)}%` };
}

function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}
