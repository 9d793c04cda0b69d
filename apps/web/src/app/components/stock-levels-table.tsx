import { useWords } from '../lib/i18n.js';
import { stockLevelsTableWords } from '../lib/messages/admin/stock-levels-table.js';

export interface StockLevel {
  warehouse: { id: string; name: string; code: string };
  onHand: number;
  reserved: number;
  available: number;
}

/** A product's units per warehouse, as the back office's stock and selling pages show them. */
export function StockLevelsTable({ levels }: { levels: readonly StockLevel[] }) {
  const w = useWords(stockLevelsTableWords);
  return (
    <table className="data-table" data-testid="stock-levels">
      <caption>{w.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{w.warehouse}</th>
          <th scope="col">{w.onHand}</th>
          <th scope="col">{w.reserved}</th>
          <th scope="col">{w.available}</th>
        </tr>
      </thead>
      <tbody>
        {levels.map((s) => (
          <tr key={s.warehouse.id}>
            <th scope="row">
              {s.warehouse.name} ({s.warehouse.code})
            </th>
            <td>{s.onHand}</td>
            <td>{s.reserved}</td>
            <td>{s.available}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
