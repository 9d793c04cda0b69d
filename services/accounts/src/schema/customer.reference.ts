import { Forbidden } from '@vitrine/platform';
import { maySeePrivateFields } from '../domain/roles.js';
import type { AccountsContext } from './accounts-context.js';
import { CustomerType } from './customer.type.js';

/**
 * Resolves `Customer` entities for other subgraphs, batched per request. The
 * only ways to a customer are `me` (themself) and staff's `customer(id)`, so a
 * reference is resolved for the same callers: the customer, and staff who
 * handle customers. Anyone else (an anonymous `_entities` call straight to
 * this subgraph included) is refused before the id is even looked up.
 */
export async function resolveCustomerReference(reference: { id: string }, context: AccountsContext): Promise<CustomerType | null> {
  if (!maySeePrivateFields(context.caller, reference.id)) throw new Forbidden('You can only see your own account.');
  const customer = await context.customerById.load(reference.id);
  return customer ? CustomerType.from(customer, { revealPrivate: false }) : null;
}
