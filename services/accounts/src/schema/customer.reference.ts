import type { AccountsContext } from './accounts-context.js';
import { CustomerType } from './customer.type.js';

/** Resolves `Customer` entities for other subgraphs, batched per request; private fields follow the caller's rights. */
export async function resolveCustomerReference(reference: { id: string }, context: AccountsContext): Promise<CustomerType | null> {
  const customer = await context.customerById.load(reference.id);
  return customer ? CustomerType.from(customer, { revealPrivate: false }) : null;
}
