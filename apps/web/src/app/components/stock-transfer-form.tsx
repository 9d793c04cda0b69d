import { Form } from 'react-router';
import { useWords } from '../lib/i18n.js';
import { stockTransferFormWords } from '../lib/messages/admin/stock-transfer-form.js';
import { ApiErrorMessage } from './api-error.js';
import type { StockLevel } from './stock-levels-table.js';

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
  const w = useWords(stockTransferFormWords);
  const movable = levels.filter((l) => l.available > 0);
  const destinations = warehouses.filter((w) => !w.retiredAt);
  // Offered first: a warehouse other than the first source (the same one is refused: SAME_WAREHOUSE).
  const firstOther = destinations.find((d) => d.id !== movable[0]?.warehouse.id)?.id;
  return (
    <Form method="post" className="stacked admin-form" aria-label={w.title}>
      <h3>{w.title}</h3>
      {movable.length === 0 ? (
        <p className="muted">{w.nothingFree}</p>
      ) : (
        <>
          <input type="hidden" name="intent" value="transfer" />
          <input type="hidden" name="productId" value={productId} />
          <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
          <div className="field">
            <label htmlFor="transfer-from">{w.from}</label>
            <select id="transfer-from" name="fromWarehouseId" required>
              {movable.map((l) => (
                <option key={l.warehouse.id} value={l.warehouse.id}>
                  {w.source(l.warehouse.name, l.warehouse.code, l.available)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="transfer-to">{w.to}</label>
            <select id="transfer-to" name="toWarehouseId" defaultValue={firstOther} required>
              {destinations.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name} ({d.code})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="transfer-quantity">{w.units}</label>
            <input id="transfer-quantity" name="quantity" type="number" min={1} step={1} required />
          </div>
          <div className="field">
            <label htmlFor="transfer-reason">{w.reason}</label>
            <input id="transfer-reason" name="reason" maxLength={500} required />
          </div>
          <ApiErrorMessage message={error} />
          <button type="submit" disabled={submitting}>
            {w.submit}
          </button>
        </>
      )}
    </Form>
  );
}
