import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { stockTransferredV1 } from '@vitrine/contracts';
import { BadUserInput, checkStaffReason, storeNow, toDate } from '@vitrine/platform';
import {
  assertFreeUnits,
  assertSameTransfer,
  checkIdempotencyKey,
  checkTransferPlaces,
  checkTransferRequest,
  type TransferPlace,
  type TransferRequest,
} from '../domain/stock-transfer.js';
import { StockTransfer } from '../store/stock-transfer.entity.js';
import { catalog } from '../identity.js';
import { lockProduct } from './receive-stock.js';
import { recordAudit } from './record-audit.js';
import { applyMovement, warehouseLevels } from './stock-counters.js';

export interface TransferStockCommand extends TransferRequest {
  productId: string;
  /** The same key sent again (by the same staff member) gets the first transfer back. */
  idempotencyKey: string | null;
}

/**
 * Staff move free units of a product from one warehouse to another, saying
 * why: one transaction under the product's row lock (every stock writer takes
 * it first, so a reservation or another transfer cannot take the same units
 * meanwhile) with both warehouse rows locked for share (a retirement cannot
 * cross it). Two TRANSFERRED ledger rows name the transfer; one audit entry;
 * StockTransferred staged in the outbox. Every refusal changes nothing.
 */
export async function transferStock(em: EntityManager, actor: string, command: TransferStockCommand): Promise<StockTransfer> {
  const staffReason = checkStaffReason(command.reason);
  const problems = [...checkTransferRequest(command), ...staffReason.problems, ...checkIdempotencyKey(command.idempotencyKey)];
  if (problems.length > 0) throw new BadUserInput('The stock transfer is not valid.', problems);
  const { productId, fromWarehouseId, toWarehouseId, quantity, idempotencyKey } = command;
  const reason = staffReason.reason;
  return em.transactional(async (tx) => {
    await lockProduct(tx, productId);
    // Under the product lock, a duplicate of a transfer in flight sees it once it committed.
    if (idempotencyKey !== null) {
      const done = await tx.findOne(StockTransfer, { actor, idempotencyKey });
      if (done) {
        assertSameTransfer(done, { productId, fromWarehouseId, toWarehouseId, quantity, reason });
        return done;
      }
    }
    const places = await lockWarehousesForShare(tx, [fromWarehouseId, toWarehouseId]);
    const placeProblems = checkTransferPlaces(places.get(fromWarehouseId) ?? null, places.get(toWarehouseId) ?? null);
    if (placeProblems.length > 0) throw new BadUserInput('The stock transfer is not valid.', placeProblems);

    const levels = await warehouseLevels(tx, [productId]);
    const level = (warehouseId: string) => levels.find((l) => l.warehouseId === warehouseId) ?? { onHand: 0, reserved: 0 };
    const source = level(fromWarehouseId);
    const fromOnHand = assertFreeUnits({ code: places.get(fromWarehouseId)!.code, ...source }, quantity);
    const toOnHand = level(toWarehouseId).onHand + quantity;

    const at = storeNow();
    const transfer = tx.create(StockTransfer, { id: randomUUID(), productId, fromWarehouseId, toWarehouseId, quantity, reason, actor, idempotencyKey, at });
    tx.persist(transfer);
    const movement = { productId, kind: 'TRANSFERRED' as const, reason, actor, transferId: transfer.id };
    await applyMovement(tx, { ...movement, warehouseId: fromWarehouseId, quantity: -quantity }, at);
    await applyMovement(tx, { ...movement, warehouseId: toWarehouseId, quantity }, at);
    recordAudit(
      tx,
      actor,
      'stock.transferred',
      productId,
      {
        transferId: transfer.id,
        fromWarehouseId,
        toWarehouseId,
        quantity,
        reason,
        onHand: { source: { from: source.onHand, to: fromOnHand }, destination: { from: toOnHand - quantity, to: toOnHand } },
      },
      at,
    );
    catalog.recordEvent(tx, {
      definition: stockTransferredV1,
      subject: productId,
      data: { transferId: transfer.id, productId, fromWarehouseId, toWarehouseId, quantity, fromOnHand, toOnHand, transferredAt: at.toISOString() },
    });
    return transfer;
  });
}

/**
 * Both warehouses' facts, their rows locked for share (in id order): a
 * retirement (which locks its row for update) waits for the transfer, and
 * finds the units it moved.
 */
async function lockWarehousesForShare(em: EntityManager, ids: readonly string[]): Promise<Map<string, NonNullable<TransferPlace>>> {
  const rows = await em.execute<{ id: string; code: string; retired_at: string | null }[]>(
    `select id, code, retired_at from catalog.warehouse where id in (?) order by id for share`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, { code: r.code, retiredAt: toDate(r.retired_at) }]));
}
