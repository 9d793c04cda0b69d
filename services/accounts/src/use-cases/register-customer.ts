import { randomUUID } from 'node:crypto';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { customerContactChangedV1, customerRegisteredV1, signUpRepeatedV1 } from '@vitrine/contracts';
import { AuditEntry, BadUserInput, Conflict } from '@vitrine/platform';
import { checkRegistration, type RegistrationInput } from '../domain/registration.js';
import { hashPassword } from '../security/password-hasher.js';
import { stageEmailVerification } from './email-verification.js';
import { Customer } from '../store/customer.entity.js';
import { accounts } from '../identity.js';

export interface NewCustomer {
  email: string;
  /** Null for an account that signs in only through an external identity. */
  passwordHash: string | null;
  displayName: string;
  country: string;
  roles: string[];
  /** Set when the address is already proven (an external provider verified it). */
  emailVerifiedAt?: Date | null;
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
  const customer = tx.create(Customer, { id: randomUUID(), ...fields, emailVerifiedAt: fields.emailVerifiedAt ?? null, grantedScopes: [], deletedAt: null });
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
 * Creates a customer account from the sign-up form and announces it, with a
 * verification link for its address, in one transaction. Nothing is written
 * (not even hashed) when the input is invalid. CONFLICT when the email has an
 * account (which tells the caller so: `register` is deprecated for `signUp`).
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
    return await em.transactional(async (tx) => {
      const customer = createCustomer(tx, { email, passwordHash, displayName, country, roles: options.roles ?? ['customer'] }, options.audit);
      await stageEmailVerification(tx, customer);
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

/**
 * Sign-up that does not reveal which emails have accounts: the answer is the
 * same for a new email and a taken one, and both cost one password hash and
 * one short transaction. A new email gets its account and a verification
 * link; a taken one gets nothing changed, and its owner an email saying
 * someone tried (SignUpRepeated: "sign in or reset your password").
 * Invalid input is still BAD_USER_INPUT, before anything is written.
 */
export async function signUp(em: EntityManager, input: RegistrationInput): Promise<void> {
  const check = checkRegistration(input);
  if (!check.ok) throw new BadUserInput('Some sign-up fields need attention.', check.problems);
  const { email, password, country, displayName } = check.value;
  const passwordHash = await hashPassword(password);
  try {
    await em.transactional(async (tx) => {
      const existing = await tx.findOne(Customer, { email }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (existing) {
        accounts.recordEvent(tx, { definition: signUpRepeatedV1, subject: existing.id, data: { customerId: existing.id, email } });
        return;
      }
      await stageEmailVerification(tx, createCustomer(tx, { email, passwordHash, displayName, country, roles: ['customer'] }));
    });
  } catch (err) {
    // A sign-up with the same new email committed first: the same answer; its owner has their verification link.
    if (!(err instanceof UniqueConstraintViolationException)) throw err;
  }
}
