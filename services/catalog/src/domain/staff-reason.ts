import { catalogReasonMaxLength } from '@vitrine/contracts';
import type { FieldProblem } from '@vitrine/platform';

/** Staff say why they change a product: trimmed, 1 to 500 characters. Returns the trimmed reason or the problems. */
export function checkStaffReason(reason: string): { reason: string; problems: FieldProblem[] } {
  const trimmed = reason.trim();
  if (trimmed.length === 0) return { reason: trimmed, problems: [{ field: 'reason', reason: 'REQUIRED', message: 'Say why (customers and other staff will read it).' }] };
  if (trimmed.length > catalogReasonMaxLength) {
    return { reason: trimmed, problems: [{ field: 'reason', reason: 'TOO_LONG', message: `Keep the reason under ${catalogReasonMaxLength} characters.` }] };
  }
  return { reason: trimmed, problems: [] };
}
