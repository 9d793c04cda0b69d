export interface StockLevel {
  warehouse: { id: string; name: string; code: string };
  onHand: number;
  reserved: number;
  available: number;
}

/** A product's units per warehouse, as the back office's stock and selling pages show them. */
export function StockLevelsTable({ levels }: { levels: readonly StockLevel[] }) {
  return (
    <table className="data-table" data-testid="stock-levels">
      <caption>Units per warehouse</caption>
      <thead>
        <tr>
          <th scope="col">Warehouse</th>
          <th scope="col">On hand</th>
          <th scope="col">Reserved for orders</th>
          <th scope="col">Available</th>
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
