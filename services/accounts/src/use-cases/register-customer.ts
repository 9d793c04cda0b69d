import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { customerRegisteredV1 } from '@vitrine/contracts';
import { BadUserInput, Conflict, recordEvent } from '@vitrine/platform';
import { checkRegistration, type RegistrationInput } from '../domain/registration.js';
import { hashPassword } from '../security/password-hasher.js';
import { Customer } from '../store/customer.entity.js';

export const accountsSource = 'accounts';

/**
 * Creates a customer account and announces it, in one transaction. Nothing
 * is written (not even hashed) when the input is invalid.
 */
export async function registerCustomer(em: EntityManager, input: RegistrationInput, roles: string[] = ['customer']): Promise<Customer> {
  const check = checkRegistration(input);
  if (!check.ok) throw new BadUserInput('Some sign-up fields need attention.', check.problems);
  const { email, password, country, displayName } = check.value;
  const passwordHash = await hashPassword(password);
  try {
    return await em.transactional(async (tx) => {
      const customer = tx.create(Customer, { id: randomUUID(), email, passwordHash, displayName, country, roles, grantedScopes: [] });
      tx.persist(customer);
      recordEvent(tx, { source: accountsSource, definition: customerRegisteredV1, subject: customer.id, data: { customerId: customer.id, country } });
      return customer;
    });
  } catch (err) {
    if (err instanceof UniqueConstraintViolationException) {
      // Says no more than it must: not which account, not how it is spelt, not its roles.
      throw new Conflict('This email address cannot be used to create an account. If it is yours, sign in instead.', { field: 'email' });
    }
    throw err;
  }
}
