import type { EntityManager } from '@mikro-orm/postgresql';
import { customerContactChangedV1 } from '@vitrine/contracts';
import { BadUserInput } from '@vitrine/platform';
import { checkDisplayName } from '../domain/display-name.js';
import type { Customer } from '../store/customer.entity.js';
import { accounts } from '../identity.js';
import { findActiveCustomer } from './active-customer.js';

/** Changes what the customer may change about themselves (today: the display name). */
export async function updateProfile(em: EntityManager, customerId: string, input: { displayName: string }): Promise<Customer> {
  const displayName = input.displayName.trim();
  const problems = checkDisplayName(displayName);
  if (problems.length > 0) throw new BadUserInput('Some profile fields need attention.', problems);
  const customer = await findActiveCustomer(em, customerId);
  if (customer.displayName !== displayName) {
    customer.displayName = displayName;
    accounts.recordEvent(em, {
      definition: customerContactChangedV1,
      subject: customer.id,
      data: { customerId: customer.id, email: customer.email, displayName },
    });
  }
  await em.flush();
  return customer;
}
