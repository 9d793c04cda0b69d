import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { warehouseCreatedV1 } from '@vitrine/contracts';
import { BadUserInput, Conflict } from '@vitrine/platform';
import { checkNewWarehouse, type NewWarehouseInput } from '../domain/new-warehouse.js';
import { Warehouse } from '../store/warehouse.entity.js';
import { catalog } from '../identity.js';
import { recordAudit } from './record-audit.js';

/** Staff add a warehouse (with its return address, or none yet); codes are unique. The warehouse, its audit entry and WarehouseCreated commit together. */
export async function createWarehouse(em: EntityManager, actor: string | null, input: NewWarehouseInput): Promise<Warehouse> {
  const { warehouse: clean, problems } = checkNewWarehouse(input);
  if (problems.length > 0) throw new BadUserInput('Some warehouse fields are not valid.', problems);
  try {
    return await em.transactional(async (tx) => {
      const warehouse = tx.create(Warehouse, { id: randomUUID(), ...clean });
      tx.persist(warehouse);
      recordAudit(tx, actor, 'warehouse.created', warehouse.id, { ...clean });
      const { code, name, country, heldByFactory, returnAddress } = clean;
      catalog.recordEvent(tx, {
        definition: warehouseCreatedV1,
        subject: warehouse.id,
        data: { warehouseId: warehouse.id, code, name, country, heldByFactory, returnAddress },
      });
      return warehouse;
    });
  } catch (err) {
    if (err instanceof UniqueConstraintViolationException) throw new Conflict(`A warehouse with code ${clean.code} already exists.`, { field: 'code' });
    throw err;
  }
}

/** Every warehouse, in the order in-stock sales draw from them; retired ones (kept for their ledger) last. */
export async function listWarehouses(em: EntityManager): Promise<Warehouse[]> {
  const all = await em.find(Warehouse, {}, { orderBy: { heldByFactory: 'asc', allocationPriority: 'asc', code: 'asc' } });
  return [...all.filter((w) => !w.retiredAt), ...all.filter((w) => w.retiredAt)];
}

/** The warehouses still in use (not retired), in the order in-stock sales draw from them. */
export async function warehousesInUse(em: EntityManager): Promise<Warehouse[]> {
  return (await listWarehouses(em)).filter((w) => !w.retiredAt);
}
