import { flagReasonMaxLength, type CustomerFlagKind } from '@vitrine/contracts';
import type { FieldProblem } from '@vitrine/platform';

export type FlagAction = 'flag' | 'unflag';

export type FlagReasonCheck = { ok: true; reason: string } | { ok: false; problems: FieldProblem[] };

/**
 * Staff must say why they flag or unflag someone: the reason is what the next
 * staff member reads and what the audit log keeps. Trimmed, 1 to 500 characters.
 */
export function checkFlagReason(reason: string): FlagReasonCheck {
  const trimmed = reason.trim();
  if (trimmed.length === 0) {
    return { ok: false, problems: [{ field: 'reason', reason: 'REQUIRED', message: 'Say why (other staff will read it).' }] };
  }
  if (trimmed.length > flagReasonMaxLength) {
    return { ok: false, problems: [{ field: 'reason', reason: 'TOO_LONG', message: `Keep the reason under ${flagReasonMaxLength} characters.` }] };
  }
  return { ok: true, reason: trimmed };
}

/**
 * Flags are a set: setting a flag that is already set, or clearing one that
 * is not, changes nothing (a retried request records no second audit entry
 * or event).
 */
export function decideFlagChange(current: readonly string[], flag: CustomerFlagKind, action: FlagAction): 'CHANGE' | 'UNCHANGED' {
  const isSet = current.includes(flag);
  return (action === 'flag') !== isSet ? 'CHANGE' : 'UNCHANGED';
}
