import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { customerContactChangedV1, customerRegisteredV1 } from '@vitrine/contracts';
import { AuditEntry, BadUserInput, Conflict } from '@vitrine/platform';
import { checkRegistration, type RegistrationInput } from '../domain/registration.js';
import { hashPassword } from '../security/password-hasher.js';
import { Customer } from '../store/customer.entity.js';
import { accounts } from '../identity.js';

export interface NewCustomer {
  email: string;
  /** Null for an account that signs in only through an external identity. */
  passwordHash: string | null;
  displayName: string;
  country: string;
  roles: string[];
}

/** An account creation worth auditing (the bootstrap admin): who did it and what to call it. */
export interface CreationAudit {
  actor: string | null;
  action: string;
}

/**
 * Stages a new account, its customer.registered and contact-changed events and, when asked, an
 * audit entry, all in the caller's transaction: however an account comes to
 * exist (sign-up, first external sign-in, bootstrap), it is announced with it.
 */
export function createCustomer(tx: EntityManager, fields: NewCustomer, audit?: CreationAudit): Customer {
  const customer = tx.create(Customer, { id: randomUUID(), ...fields, grantedScopes: [], deletedAt: null });
  tx.persist(customer);
  accounts.recordEvent(tx, { definition: customerRegisteredV1, subject: customer.id, data: { customerId: customer.id, country: fields.country } });
  // Only for the services that write to customers: the address stays out of CustomerRegistered.
  accounts.recordEvent(tx, {
    definition: customerContactChangedV1,
    subject: customer.id,
    data: { customerId: customer.id, email: customer.email, displayName: customer.displayName },
  });
  if (audit) tx.persist(tx.create(AuditEntry, { id: randomUUID(), actor: audit.actor, action: audit.action, subject: customer.id, details: {} }));
  return customer;
}

/**
 * Creates a customer account from the sign-up form and announces it, in one
 * transaction. Nothing is written (not even hashed) when the input is invalid.
 */
export async function registerCustomer(
  em: EntityManager,
  input: RegistrationInput,
  options: { roles?: string[]; audit?: CreationAudit } = {},
): Promise<Customer> {
  const check = checkRegistration(input);
  if (!check.ok) throw new BadUserInput('Some sign-up fields need attention.', check.problems);
  const { email, password, country, displayName } = check.value;
  const passwordHash = await hashPassword(password);
  try {
    return await em.transactional(async (tx) =>
      createCustomer(tx, { email, passwordHash, displayName, country, roles: options.roles ?? ['customer'] }, options.audit),
    );
  } catch (err) {
    if (err instanceof UniqueConstraintViolationException) {
      // Says no more than it must: not which account, not how it is spelt, not its roles.
      throw new Conflict('This email address cannot be used to create an account. If it is yours, sign in instead.', { field: 'email' });
    }
    throw err;
  }
}
