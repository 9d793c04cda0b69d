import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInput, NotFound } from '@vitrine/platform';
import { decideStaffGrant } from '../domain/staff-grant.js';
import { AuditEntry } from '@vitrine/platform';
import { Customer } from '../store/customer.entity.js';

/**
 * Makes an account staff with exactly the given back-office scopes, and
 * records who did it. Existing access tokens keep their old claims until they
 * expire (minutes); the next refresh or sign-in carries the new ones.
 */
export async function grantStaffRole(em: EntityManager, actor: string, customerId: string, scopes: readonly string[]): Promise<Customer> {
  return em.transactional(async (tx) => {
    const customer = await tx.findOne(Customer, customerId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!customer) throw new NotFound('Customer', customerId);
    const grant = decideStaffGrant(customer.roles, scopes);
    if (!grant.ok) throw new BadUserInput('Some scopes cannot be granted.', grant.problems);
    const before = { roles: customer.roles, scopes: customer.grantedScopes };
    customer.roles = grant.roles;
    customer.grantedScopes = grant.scopes;
    tx.persist(
      tx.create(AuditEntry, {
        id: randomUUID(),
        actor,
        action: 'staff.granted',
        subject: customer.id,
        details: { before, after: { roles: grant.roles, scopes: grant.scopes } },
      }),
    );
    return customer;
  });
}
