import type { FieldProblem } from '@vitrine/platform/domain';
import { partCategories, type ClaimIssue, type PartCategory } from '@vitrine/policy';

/** A part of a product as catalog lists it (its after-sales category is the compensation table's). */
export interface CatalogPart {
  name: string;
  category: string;
}

/** A part as the customer names it: the catalog's part by name, or a category of the compensation table. */
export interface NamedPart {
  name: string | null;
  category: PartCategory | null;
  issue: ClaimIssue;
  note: string | null;
}

export interface ClaimPart {
  name: string | null;
  category: PartCategory;
  issue: ClaimIssue;
  note: string | null;
}

const fold = (text: string) => text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

function isPartCategory(value: string): value is PartCategory {
  return (partCategories as readonly string[]).includes(value);
}

/**
 * The claim's parts, checked against catalog's parts list when after-sales
 * knows it (`known` null: catalog has not told, and the compensation table's
 * categories are all a claim can name). A named part must be one of the
 * product's (ignoring case and spacing; kept in catalog's spelling) and takes
 * its category from catalog; a category given with it must be that one. A
 * part named without a known list keeps its name and needs its category.
 */
export function nameClaimParts(parts: readonly NamedPart[], known: readonly CatalogPart[] | null): { parts: ClaimPart[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const byName = new Map((known ?? []).map((p) => [fold(p.name), p]));
  const named = parts.map((part, i): ClaimPart | null => {
    const name = part.name?.trim() || null;
    const field = (f: string) => `parts.${i}.${f}`;
    if (name === null || known === null) {
      if (part.category === null) {
        problems.push({ field: field('category'), reason: 'REQUIRED', message: "Name the part's category, or the part as the product lists it." });
        return null;
      }
      return { name, category: part.category, issue: part.issue, note: part.note };
    }
    const listed = byName.get(fold(name));
    if (!listed) {
      const names = (known ?? []).map((p) => p.name);
      const message = names.length ? `This product's parts are: ${names.join(', ')}.` : 'This product lists no parts: name a category instead.';
      problems.push({ field: field('name'), reason: 'UNKNOWN_PART', message });
      return null;
    }
    if (!isPartCategory(listed.category)) {
      problems.push({
        field: field('name'),
        reason: 'UNKNOWN_CATEGORY',
        message: `The catalog files ${listed.name} under a category the compensation table does not know.`,
      });
      return null;
    }
    if (part.category !== null && part.category !== listed.category) {
      problems.push({ field: field('category'), reason: 'CATEGORY_MISMATCH', message: `${listed.name} is filed under ${listed.category}.` });
      return null;
    }
    return { name: listed.name, category: listed.category, issue: part.issue, note: part.note };
  });
  return { parts: problems.length ? [] : (named as ClaimPart[]), problems };
}
