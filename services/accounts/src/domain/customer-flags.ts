import type { CustomerFlagKind } from '@vitrine/contracts';

export type FlagAction = 'flag' | 'unflag';

/**
 * Flags are a set: setting a flag that is already set, or clearing one that
 * is not, changes nothing (a retried request records no second audit entry
 * or event).
 */
export function decideFlagChange(current: readonly string[], flag: CustomerFlagKind, action: FlagAction): 'CHANGE' | 'UNCHANGED' {
  const isSet = current.includes(flag);
  return (action === 'flag') !== isSet ? 'CHANGE' : 'UNCHANGED';
}
