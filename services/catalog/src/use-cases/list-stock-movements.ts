import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInput, type FieldProblem } from '@vitrine/platform';
import { StockMovement } from '../store/stock-movement.entity.js';
import { StockTransfer } from '../store/stock-transfer.entity.js';

export const maxMovementsPerPage = 200;

/** A product's ledger, newest first; `beforeId` continues from the last movement of the previous page. */
export async function listStockMovements(em: EntityManager, productId: string, first: number, beforeId: string | null): Promise<StockMovement[]> {
  const problems: FieldProblem[] = [];
  if (!Number.isInteger(first) || first < 1 || first > maxMovementsPerPage) {
    problems.push({ field: 'first', reason: 'OUT_OF_RANGE', message: `Ask for 1 to ${maxMovementsPerPage} movements.` });
  }
  if (beforeId !== null && !/^[1-9]\d{0,17}$/.test(beforeId)) {
    problems.push({ field: 'beforeId', reason: 'MALFORMED_ID', message: 'beforeId is the id of a stock movement.' });
  }
  if (problems.length > 0) throw new BadUserInput('The stock movement query is not valid.', problems);
  return em.find(StockMovement, { productId, ...(beforeId !== null && { id: { $lt: Number(beforeId) } }) }, { orderBy: { id: 'desc' }, limit: first });
}

/** The transfers these movements are halves of, by id (one statement; none when the page has no TRANSFERRED row). */
export async function transfersOf(em: EntityManager, movements: readonly StockMovement[]): Promise<Map<string, StockTransfer>> {
  const ids = [...new Set(movements.map((m) => m.transferId).filter((id): id is string => !!id))];
  if (ids.length === 0) return new Map();
  return new Map((await em.find(StockTransfer, { id: { $in: ids } })).map((t) => [t.id, t]));
}
