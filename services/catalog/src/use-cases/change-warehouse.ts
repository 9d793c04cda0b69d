import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { warehouseUpdatedV1 } from '@vitrine/contracts';
import { BadUserInput, NotFound, storeNow } from '@vitrine/platform';
import { decideRetirement, decideWarehouseChange, type WarehouseEdit, type WarehousePatch, type WarehouseState } from '../domain/warehouse-change.js';
import { catalog } from '../identity.js';
import { Warehouse } from '../store/warehouse.entity.js';
import { recordAudit } from './record-audit.js';

/**
 * Staff correct a warehouse's name, allocation priority, whether the factory
 * holds it or its return address (domain/warehouse-change.ts says what may
 * change and when). The audit entry carries each changed field before and
 * after, and WarehouseUpdated the warehouse as it now is (after-sales tells
 * customers its return address); giving the values it already has changes
 * nothing, audits nothing and announces nothing.
 */
export async function updateWarehouse(em: EntityManager, actor: string, warehouseId: string, patch: WarehousePatch): Promise<Warehouse> {
  return em.transactional(async (tx) => {
    const { warehouse, state } = await lockWarehouse(tx, warehouseId);
    const decision = decideWarehouseChange(state, patch);
    if ('problems' in decision) throw new BadUserInput('Some warehouse fields are not valid.', decision.problems);
    if (Object.keys(decision.changes).length === 0) return warehouse;
    Object.assign(warehouse, decision.next);
    recordAudit(tx, actor, 'warehouse.updated', warehouse.id, { code: warehouse.code, changes: decision.changes });
    catalog.recordEvent(tx, {
      definition: warehouseUpdatedV1,
      subject: warehouse.id,
      data: {
        warehouseId: warehouse.id,
        code: warehouse.code,
        name: warehouse.name,
        country: warehouse.country,
        heldByFactory: warehouse.heldByFactory,
        returnAddress: warehouse.returnAddress ?? null,
        changed: Object.keys(decision.changes) as (keyof WarehouseEdit)[],
        updatedAt: storeNow().toISOString(),
      },
    });
    return warehouse;
  });
}

/**
 * Staff retire an empty warehouse: it stays listed (retired) and its ledger
 * keeps naming it, but no receipt, arrival or allocation uses it again.
 * Receipts lock the warehouse row too (stock-counters.ts), so a delivery
 * cannot land in it while it is being retired.
 */
export async function retireWarehouse(em: EntityManager, actor: string, warehouseId: string): Promise<Warehouse> {
  return em.transactional(async (tx) => {
    const { warehouse, state } = await lockWarehouse(tx, warehouseId);
    if (decideRetirement(state) === 'ALREADY_RETIRED') return warehouse;
    warehouse.retiredAt = storeNow();
    recordAudit(tx, actor, 'warehouse.retired', warehouse.id, { code: warehouse.code, name: warehouse.name }, warehouse.retiredAt);
    return warehouse;
  });
}

/** The warehouse row locked for update, with the units it holds across every product (locked too). */
async function lockWarehouse(tx: EntityManager, warehouseId: string): Promise<{ warehouse: Warehouse; state: WarehouseState }> {
  const warehouse = await tx.findOne(Warehouse, warehouseId, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!warehouse) throw new NotFound('Warehouse', warehouseId);
  const [units] = await tx.execute<{ on_hand: number; reserved: number }[]>(
    `select coalesce(sum(on_hand), 0)::int as on_hand, coalesce(sum(reserved), 0)::int as reserved
       from (select on_hand, reserved from catalog.warehouse_stock where warehouse_id = ? for update) s`,
    [warehouseId],
  );
  const { code, name, country, heldByFactory, allocationPriority, retiredAt, returnAddress } = warehouse;
  return {
    warehouse,
    state: {
      code,
      name,
      country,
      heldByFactory,
      allocationPriority,
      returnAddress: returnAddress ?? null,
      retiredAt: retiredAt ?? null,
      onHand: units?.on_hand ?? 0,
      reserved: units?.reserved ?? 0,
    },
  };
}
