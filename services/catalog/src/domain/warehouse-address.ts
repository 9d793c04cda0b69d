import { warehouseReturnAddressSchema, type WarehouseReturnAddress } from '@vitrine/contracts';
import type { FieldProblem } from '@vitrine/platform/domain';

/** A warehouse's return address as staff type it: the country is always the warehouse's own, so it is not asked. */
export interface ReturnAddressInput {
  name: string;
  line1: string;
  line2?: string | null;
  postalCode: string;
  city: string;
  region?: string | null;
}

/**
 * Checks a return address by the rules orders applies to a shipping address
 * (`shippingAddressSchema` in the contracts: the same fields and lengths, no
 * phone), after trimming; an optional line left blank is null. Every problem at
 * once, each on `returnAddress.<field>`. The country is the warehouse's.
 */
export function checkReturnAddress(input: ReturnAddressInput, country: string): { address: WarehouseReturnAddress | null; problems: FieldProblem[] } {
  const optional = (value: string | null | undefined) => (value == null || value.trim() === '' ? null : value.trim());
  const candidate = {
    name: input.name.trim(),
    line1: input.line1.trim(),
    line2: optional(input.line2),
    postalCode: input.postalCode.trim(),
    city: input.city.trim(),
    region: optional(input.region),
    country,
  };
  const parsed = warehouseReturnAddressSchema.safeParse(candidate);
  if (parsed.success) return { address: candidate, problems: [] };
  const problems = parsed.error.issues
    // The country is the warehouse's: its own field reports it.
    .filter((issue) => issue.path[0] !== 'country')
    .map((issue) => ({
      field: ['returnAddress', ...issue.path].join('.'),
      reason: 'INVALID',
      message: issue.code === 'too_big' ? 'This is too long.' : 'Please fill this in correctly.',
    }));
  return { address: null, problems };
}

/** Two return addresses are the same when every field is (after the check's cleaning). */
export function sameReturnAddress(a: WarehouseReturnAddress | null, b: WarehouseReturnAddress | null): boolean {
  if (a === null || b === null) return a === b;
  const keys = ['name', 'line1', 'line2', 'postalCode', 'city', 'region', 'country'] as const;
  return keys.every((k) => (a[k] ?? null) === (b[k] ?? null));
}
