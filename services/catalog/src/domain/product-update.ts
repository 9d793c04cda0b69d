import type { FieldProblem } from '@vitrine/platform/domain';
import type { ProductStatus } from './product-status.js';
import type { DownPayment } from './down-payment.js';
import type { ProductDetails } from './product-details.js';
import { describeSpecValue, isSpecOpen, specFields, type SpecFieldChange } from './spec-change.js';

/** What updateProduct may change, as stored. */
export interface DescriptiveFields extends ProductDetails {
  name: string;
  studioId: string | null;
  downPayment: DownPayment;
}

export type DescriptivePatch = Partial<DescriptiveFields>;

export interface FieldChange {
  field: keyof DescriptiveFields;
  from: unknown;
  to: unknown;
}

export type ProductUpdateDecision = { kind: 'UNCHANGED' } | { kind: 'UPDATE'; changes: FieldChange[]; specChanges: SpecFieldChange[] };

// Values are built field by field (same key order), so their JSON is a faithful comparison.
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Which given fields really change. A patch that changes nothing (a retry) is
 * UNCHANGED: nothing is written. When a spec field changes before release,
 * the change is also a spec change customers are told about (and may cancel
 * for), so it is recorded as one with the reason, which is then required: a
 * serious store never changes what a preorder customer bought silently.
 * After release the same edit is a correction of the catalogue, audited only.
 */
export function decideProductUpdate(
  status: ProductStatus,
  current: DescriptiveFields,
  patch: DescriptivePatch,
  reason: string | null,
): { decision: ProductUpdateDecision; problems: FieldProblem[] } {
  const changes: FieldChange[] = [];
  for (const field of Object.keys(patch) as (keyof DescriptiveFields)[]) {
    const to = patch[field];
    if (to !== undefined && !same(current[field], to)) changes.push({ field, from: current[field], to });
  }
  if (changes.length === 0) return { decision: { kind: 'UNCHANGED' }, problems: [] };
  const specChanges = isSpecOpen(status)
    ? specFields.flatMap((field) => {
        const change = changes.find((c) => c.field === field);
        return change ? [{ field, from: describeSpecValue(field, current[field]), to: describeSpecValue(field, patch[field]!) }] : [];
      })
    : [];
  const problems: FieldProblem[] =
    specChanges.length > 0 && reason === null
      ? [
          {
            field: 'reason',
            reason: 'REQUIRED',
            message: `Changing ${specChanges.map((c) => c.field).join(', ')} before release is a spec change customers are told about: say why.`,
          },
        ]
      : [];
  return { decision: { kind: 'UPDATE', changes, specChanges }, problems };
}

/** A patch must name at least one field to change. */
export function emptyPatchProblems(patch: object): FieldProblem[] {
  return Object.values(patch).some((v) => v !== undefined) ? [] : [{ field: 'input', reason: 'EMPTY_CHANGE', message: 'Give at least one field to change.' }];
}
