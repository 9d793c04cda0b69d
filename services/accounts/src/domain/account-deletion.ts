import { ordersPhrase } from './open-orders.js';

export type AccountDeletionDecision = { ok: true } | { ok: false; rule: 'UNSHIPPED_ORDERS'; message: string; count: number };

/** Seed 003: an account can be deleted only when the customer has no unshipped orders. */
export function decideAccountDeletion(openOrders: number): AccountDeletionDecision {
  if (openOrders === 0) return { ok: true };
  return {
    ok: false,
    rule: 'UNSHIPPED_ORDERS',
    count: openOrders,
    message: `You have ${ordersPhrase(openOrders)} that ${openOrders === 1 ? 'has' : 'have'} not shipped yet. You can delete your account once ${openOrders === 1 ? 'it has' : 'they have'} shipped or been cancelled.`,
  };
}

/** Display name every deleted account shows wherever it is still referred to (reviews, staff screens). */
export const deletedDisplayName = 'Deleted customer';

/**
 * What is left of a deleted account's personal data: an address that can
 * never receive mail (the `.invalid` TLD is reserved, RFC 2606) and is unique
 * per account, so the original address can be used for a new account.
 */
export function erasedProfile(customerId: string): { email: string; displayName: string } {
  return { email: `deleted-${customerId}@invalid`, displayName: deletedDisplayName };
}
