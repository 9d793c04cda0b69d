import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { customerFlaggedV1, customerUnflaggedV1, type CustomerFlagKind } from '@vitrine/contracts';
import { BadUserInput, checkStaffReason, NotFound } from '@vitrine/platform';
import { decideFlagChange, type FlagAction } from '../domain/customer-flags.js';
import { AuditEntry } from '@vitrine/platform';
import { CustomerFlag } from '../store/customer-flag.entity.js';
import { Customer } from '../store/customer.entity.js';
import { accounts } from '../identity.js';

const auditActions: Record<FlagAction, string> = { flag: 'customer.flagged', unflag: 'customer.unflagged' };

export interface FlagChangeCommand {
  customerId: string;
  flag: CustomerFlagKind;
  reason: string;
  action: FlagAction;
}

/**
 * Staff set or lift a flag on a customer: the flag row, an audit entry and
 * the CustomerFlagged / CustomerUnflagged event commit together. The
 * customer row is locked, so concurrent changes to one customer's flags run
 * one after the other (and their events leave in that order).
 */
export async function changeCustomerFlag(em: EntityManager, actor: string, command: FlagChangeCommand): Promise<Customer> {
  const check = checkStaffReason(command.reason);
  if (check.problems.length > 0) throw new BadUserInput('Please give a reason.', check.problems);
  const { customerId, flag, action } = command;
  return em.transactional(async (tx) => {
    const customer = await tx.findOne(Customer, customerId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!customer) throw new NotFound('Customer', customerId);
    const current = await tx.find(CustomerFlag, { customerId });
    if (
      decideFlagChange(
        current.map((f) => f.flag),
        flag,
        action,
      ) === 'UNCHANGED'
    )
      return customer;

    const now = new Date();
    if (action === 'flag') {
      tx.persist(tx.create(CustomerFlag, { id: randomUUID(), customerId, flag, reason: check.reason, flaggedBy: actor, flaggedAt: now }));
    } else {
      tx.remove(current.find((f) => f.flag === flag)!);
    }
    tx.persist(
      tx.create(AuditEntry, { id: randomUUID(), actor, action: auditActions[action], subject: customerId, details: { flag, reason: check.reason }, at: now }),
    );
    accounts.recordEvent(tx, {
      definition: action === 'flag' ? customerFlaggedV1 : customerUnflaggedV1,
      subject: customerId,
      data: { customerId, flag, reason: check.reason, actorId: actor },
    });
    return customer;
  });
}
