import type { FieldProblem } from '@vitrine/platform/domain';
import { grantableStaffScopes } from './roles.js';

export type StaffGrantCheck = { ok: true; roles: string[]; scopes: string[] } | { ok: false; problems: FieldProblem[] };

/**
 * A grant replaces the staff member's scopes with the given list (an empty
 * list keeps the staff role with no powers). Only back-office scopes can be
 * granted; admin powers come from the admin role alone.
 */
export function decideStaffGrant(currentRoles: readonly string[], requested: readonly string[]): StaffGrantCheck {
  const unknown = requested.filter((s) => !grantableStaffScopes.includes(s));
  if (unknown.length > 0) {
    return {
      ok: false,
      problems: unknown.map((scope) => ({
        field: 'scopes',
        reason: 'NOT_GRANTABLE',
        message: `"${scope.slice(0, 64)}" cannot be granted. Grantable scopes: ${grantableStaffScopes.join(', ')}.`,
      })),
    };
  }
  const roles = [...new Set([...currentRoles, 'staff'])];
  return { ok: true, roles, scopes: [...new Set(requested)].sort() };
}
