import type { FieldProblem } from '@vitrine/platform/domain';
import { checkStaffReason, PolicyViolation } from '@vitrine/platform/domain';
import { partCategoryLabel } from './part-categories.js';
import { statusesWithOpenReleaseDate, type ProductStatus } from './product-status.js';
import type { ProductDetails } from './product-details.js';

/** One line of a spec change as customers read it: what, before, after (null: not set). */
export interface SpecFieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

/** The product fields that are its spec: what a preorder customer agreed to buy (and, for the box, what shipping costs). */
export const specFields = ['scale', 'material', 'weightGrams', 'packageDimensions', 'assembly', 'parts'] as const satisfies readonly (keyof ProductDetails)[];
export type SpecField = (typeof specFields)[number];

export const specChangeLimits = { changes: 30, fieldLength: 60, valueLength: 500, descriptionLength: 2000 } as const;

/**
 * Spec changes are announced only while the product is not released yet:
 * they matter to customers who ordered what was announced, who may then
 * cancel for that reason (seed 004). Once released, the
 * product exists as made and preorders are being fulfilled, so a "change" is
 * a correction of the catalogue (updateProduct, audited), not news that could
 * justify a cancellation.
 */
export function assertSpecOpen(status: ProductStatus): void {
  if (statusesWithOpenReleaseDate.includes(status)) return;
  throw new PolicyViolation(`A ${status} product's spec can no longer change; correct the product details instead.`, 'SPEC_FIXED', { status });
}

export function isSpecOpen(status: ProductStatus): boolean {
  return statusesWithOpenReleaseDate.includes(status);
}

export interface SpecChangeInput {
  changes?: readonly { field: string; from?: string | null; to?: string | null }[] | null;
  description?: string | null;
  reason: string;
}

/** Every problem with a recorded spec change at once: at least one change or a description, and a reason. */
export function checkSpecChangeInput(input: SpecChangeInput): {
  changes: SpecFieldChange[];
  description: string | null;
  reason: string;
  problems: FieldProblem[];
} {
  const l = specChangeLimits;
  const problems: FieldProblem[] = [];
  const changes = (input.changes ?? []).map((c, i) => {
    const field = c.field.trim();
    if (field.length === 0 || field.length > l.fieldLength)
      problems.push({ field: `changes.${i}.field`, reason: 'INVALID_LENGTH', message: `Name what changed in 1 to ${l.fieldLength} characters.` });
    const [from, to] = [c.from?.trim() || null, c.to?.trim() || null];
    if ((from?.length ?? 0) > l.valueLength || (to?.length ?? 0) > l.valueLength)
      problems.push({ field: `changes.${i}`, reason: 'TOO_LONG', message: `Keep each value under ${l.valueLength} characters.` });
    if (from === to) problems.push({ field: `changes.${i}`, reason: 'NO_CHANGE', message: 'Before and after are the same.' });
    return { field, from, to };
  });
  if (changes.length > l.changes) problems.push({ field: 'changes', reason: 'TOO_MANY', message: `At most ${l.changes} changes at once.` });
  const description = input.description?.trim() || null;
  if ((description?.length ?? 0) > l.descriptionLength)
    problems.push({ field: 'description', reason: 'TOO_LONG', message: `Keep the description under ${l.descriptionLength} characters.` });
  if (changes.length === 0 && description === null) problems.push({ field: 'changes', reason: 'REQUIRED', message: 'List what changed or describe it.' });
  const staffReason = checkStaffReason(input.reason);
  return { changes, description, reason: staffReason.reason, problems: [...problems, ...staffReason.problems] };
}

/** A spec field's value as customers read it in the spec-change email and history. */
export function describeSpecValue<F extends SpecField>(field: F, value: ProductDetails[F]): string | null {
  switch (field) {
    case 'weightGrams':
      return value === null ? null : `${value as number} g`;
    case 'packageDimensions': {
      const d = value as ProductDetails['packageDimensions'];
      return d === null ? null : `${d.lengthMm} x ${d.widthMm} x ${d.heightMm} mm`;
    }
    case 'assembly': {
      const a = value as ProductDetails['assembly'];
      return a.note ? `${a.kind}: ${a.note}` : a.kind;
    }
    case 'parts': {
      const parts = value as ProductDetails['parts'];
      return parts.length === 0 ? null : parts.map((p) => `${p.name} (${partCategoryLabel(p.category)})`).join('; ');
    }
    default:
      return value as string | null;
  }
}
