import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { customerRegionChangedV1 } from '@vitrine/contracts';
import { BadUserInput, PolicyViolation } from '@vitrine/platform';
import { decideRegionChange } from '../domain/region-change.js';
import { AuditEntry } from '@vitrine/platform';
import type { Customer } from '../store/customer.entity.js';
import { findActiveCustomer } from './active-customer.js';
import { countOpenOrders } from './known-orders.js';
import { accounts } from '../identity.js';

/**
 * The customer moves: a new country of residence, only while no order is
 * open (it ships to the current one). The change, an audit entry and
 * CustomerRegionChanged commit together; the same country changes nothing.
 */
export async function changeRegion(em: EntityManager, customerId: string, country: string): Promise<Customer> {
  return em.transactional(async (tx) => {
    const customer = await findActiveCustomer(tx, customerId, { lock: true });
    const decision = decideRegionChange(customer.country, country, await countOpenOrders(tx, customerId));
    switch (decision.kind) {
      case 'invalid':
        throw new BadUserInput('Please choose a valid country.', decision.problems);
      case 'locked':
        throw new PolicyViolation(decision.message, decision.rule, { count: decision.count });
      case 'unchanged':
        return customer;
      case 'change': {
        const { from, to } = decision;
        customer.country = to;
        tx.persist(
          tx.create(AuditEntry, {
            id: randomUUID(),
            actor: customerId,
            action: 'customer.region-changed',
            subject: customerId,
            details: { from, to },
            at: new Date(),
          }),
        );
        accounts.recordEvent(tx, { definition: customerRegionChangedV1, subject: customerId, data: { customerId, from, to } });
        return customer;
      }
    }
  });
}
