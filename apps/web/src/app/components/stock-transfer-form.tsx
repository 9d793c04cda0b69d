import { Form } from 'react-router';
import { ApiErrorMessage } from './api-error.js';
import type { StockLevel } from './stock-levels-table.js';

export const units = (n: number) => (n === 1 ? '1 unit' : `${n} units`);

interface Props {
  productId: string;
  levels: readonly StockLevel[];
  /** Every warehouse; a retired one takes no more units and is not offered. */
  warehouses: readonly { id: string; code: string; name: string; retiredAt?: unknown }[];
  /** One per page shown: the same form sent twice moves the units once. */
  idempotencyKey: string;
  error: string | null | undefined;
  submitting: boolean;
}

/** "Move units to another warehouse" (catalog's transferStock): from a warehouse holding free units, to one in use. */
export function StockTransferForm({ productId, levels, warehouses, idempotencyKey, error, submitting }: Props) {
  const movable = levels.filter((l) => l.available > 0);
  const destinations = warehouses.filter((w) => !w.retiredAt);
  // Offered first: a warehouse other than the first source (the same one is refused: SAME_WAREHOUSE).
  const firstOther = destinations.find((w) => w.id !== movable[0]?.warehouse.id)?.id;
  return (
    <Form method="post" className="stacked admin-form" aria-label="Move units to another warehouse">
      <h3>Move units to another warehouse</h3>
      {movable.length === 0 ? (
        <p className="muted">No warehouse holds a free unit of this product (units reserved for orders stay where they are).</p>
      ) : (
        <>
          <input type="hidden" name="intent" value="transfer" />
          <input type="hidden" name="productId" value={productId} />
          <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
          <div className="field">
            <label htmlFor="transfer-from">From</label>
            <select id="transfer-from" name="fromWarehouseId" required>
              {movable.map((l) => (
                <option key={l.warehouse.id} value={l.warehouse.id}>
                  {l.warehouse.name} ({l.warehouse.code}): {units(l.available)} free
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="transfer-to">To</label>
            <select id="transfer-to" name="toWarehouseId" defaultValue={firstOther} required>
              {destinations.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name} ({w.code})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="transfer-quantity">Units to move</label>
            <input id="transfer-quantity" name="quantity" type="number" min={1} step={1} required />
          </div>
          <div className="field">
            <label htmlFor="transfer-reason">Reason</label>
            <input id="transfer-reason" name="reason" maxLength={500} required />
          </div>
          <ApiErrorMessage message={error} />
          <button type="submit" disabled={submitting}>
            Move the units
          </button>
        </>
      )}
    </Form>
  );
}
