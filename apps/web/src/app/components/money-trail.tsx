import { formatMoney, type MoneyValue } from '../lib/format.js';

interface Posting {
  transactionId: string;
  sequence: number;
  movement: string;
  reason?: string | null;
  account: string;
  amount: MoneyValue;
}

const movementWords: Record<string, string> = {
  CHARGE_CAPTURED: 'Payment captured',
  ORDER_SHIPPED: 'Order shipped: revenue earned',
  FEE_KEPT: 'Fee kept',
  REFUND_DECIDED: 'Refund decided',
  REFUND_PAID_OUT: 'Refund paid out',
};
const accountWords: Record<string, string> = {
  PROVIDER_CLEARING: 'Provider clearing',
  CUSTOMER_DEPOSITS_HELD: 'Customer money held',
  DEFERRED_REVENUE: 'Deferred revenue',
  SHIPPING_COLLECTED: 'Shipping collected',
  REFUNDS_PAYABLE: 'Refunds payable',
  REVENUE: 'Revenue',
  SHIPPING_REVENUE: 'Shipping revenue',
  FEES_EARNED: 'Fees earned',
};

/** A charge's purpose or a refund's reason is a code (FULL_PAYMENT); a staff refund's is its own sentence. */
const reasonText = (reason: string) => (/^[A-Z_]+$/.test(reason) ? reason.charAt(0) + reason.slice(1).toLowerCase().replace(/_/g, ' ') : reason);

/** An order's ledger postings (payments' double entry), in ledger order: debits positive, credits negative. */
export function MoneyTrail({ postings }: { postings: readonly Posting[] }) {
  return (
    <>
      <h3>Ledger</h3>
      {postings.length === 0 ? (
        <p>Nothing posted yet.</p>
      ) : (
        <table className="data-table" data-testid="money-trail">
          <caption className="visually-hidden">Ledger postings in ledger order: debit positive, credit negative</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Movement</th>
              <th scope="col">Account</th>
              <th scope="col">Debit (+) / credit (−)</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {postings.map((p) => (
              <tr key={`${p.transactionId}-${p.sequence}-${p.account}`}>
                <td>{p.sequence}</td>
                <td>{movementWords[p.movement] ?? p.movement}</td>
                <td>{accountWords[p.account] ?? p.account}</td>
                <td>{formatMoney(p.amount)}</td>
                <td>{p.reason ? reasonText(p.reason) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
