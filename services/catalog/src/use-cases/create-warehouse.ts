import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInput, Conflict } from '@vitrine/platform';
import { checkNewWarehouse, type NewWarehouseInput } from '../domain/new-warehouse.js';
import { Warehouse } from '../store/warehouse.entity.js';
import { recordAudit } from './record-audit.js';

/** Staff add a warehouse; codes are unique. The warehouse and its audit entry commit together. */
export async function createWarehouse(em: EntityManager, actor: string | null, input: NewWarehouseInput): Promise<Warehouse> {
  const { warehouse: clean, problems } = checkNewWarehouse(input);
  if (problems.length > 0) throw new BadUserInput('Some warehouse fields are not valid.', problems);
  try {
    return await em.transactional(async (tx) => {
      const warehouse = tx.create(Warehouse, { id: randomUUID(), ...clean });
      tx.persist(warehouse);
      recordAudit(tx, actor, 'warehouse.created', warehouse.id, { ...clean });
      return warehouse;
    });
  } catch (err) {
    if (err instanceof UniqueConstraintViolationException) throw new Conflict(`A warehouse with code ${clean.code} already exists.`, { field: 'code' });
    throw err;
  }
}

/** Every warehouse, in the order in-stock sales draw from them. */
export function listWarehouses(em: EntityManager): Promise<Warehouse[]> {
  return em.find(Warehouse, {}, { orderBy: { heldByFactory: 'asc', allocationPriority: 'asc', code: 'asc' } });
}
