import { staffReasonMaxLength } from '@vitrine/contracts';
import type { FieldProblem } from '../errors/domain-error.js';

/**
 * Staff say why they change something that others will read about (customers,
 * other staff, the audit log): trimmed, 1 to 500 characters. Returns the
 * trimmed reason and the problems, if any. One rule for every service.
 */
export function checkStaffReason(reason: string, field = 'reason'): { reason: string; problems: FieldProblem[] } {
  const trimmed = reason.trim();
  if (trimmed.length === 0)
    return { reason: trimmed, problems: [{ field, reason: 'REQUIRED', message: 'Say why (it is kept with the change, for whoever reads it later).' }] };
  if (trimmed.length > staffReasonMaxLength) {
    return { reason: trimmed, problems: [{ field, reason: 'TOO_LONG', message: `Keep the reason under ${staffReasonMaxLength} characters.` }] };
  }
  return { reason: trimmed, problems: [] };
}
