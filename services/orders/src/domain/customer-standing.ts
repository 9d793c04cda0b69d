import { applyLatest } from '@vitrine/platform/domain';

/**
 * What orders knows about a customer's flags (set by staff in accounts) and
 * what they mean for ordering. Flags arrive as events; this side decides.
 */

/** One flag's last known state. Kept when lifted, so a late, older event cannot revive it. */
export interface FlagState {
  active: boolean;
  changedAt: Date;
}

export interface FlagChange {
  active: boolean;
  /** When accounts made the change (the event's time). */
  at: Date;
}

/** Newest change wins, as for every projection of accounts' data (platform's applyLatest). */
export function applyFlagChange(current: FlagState | null, change: FlagChange): FlagState | null {
  return applyLatest(current, { active: change.active }, change.at, (a, b) => a.active === b.active);
}

/** Flags that stop a customer from placing orders, as data. PREORDER_ABUSE changes preorder payment instead (later). */
export const orderBlockingFlags: readonly string[] = ['BLOCKED'];

/** Written for the customer: says what happens and what to do, not which flag or why. */
export const customerBlockedMessage = 'Your account cannot place orders. Please contact support.';

/** What a deleted account's still-unexpired access token gets (the same words as accounts uses). */
export const accountDeletedMessage = 'This account has been deleted.';

export interface CustomerFacts {
  activeFlags: readonly string[];
  /** Accounts announced the account deleted (CustomerDeleted). */
  accountDeleted: boolean;
}

export type OrderingStanding =
  { ok: true } | { ok: false; refusal: 'ACCOUNT_DELETED'; message: string } | { ok: false; refusal: 'CUSTOMER_BLOCKED'; message: string };

export function checkMayPlaceOrders(facts: CustomerFacts): OrderingStanding {
  if (facts.accountDeleted) return { ok: false, refusal: 'ACCOUNT_DELETED', message: accountDeletedMessage };
  if (facts.activeFlags.some((flag) => orderBlockingFlags.includes(flag))) return { ok: false, refusal: 'CUSTOMER_BLOCKED', message: customerBlockedMessage };
  return { ok: true };
}
