import type { BackOfficeOrderMoneyTrailQuery, BackOfficeOrderQuery } from '../../__generated__/app/graphql.js';
import { formatDateTime, formatMoney, purposeText, type MoneyValue } from '../lib/format.js';
import { MoneyTrail } from './money-trail.js';

const dueWords: Record<string, string> = { OPEN: 'Open', HELD: 'Held on the card', PAID: 'Paid', VOID: 'No longer owed' };
const words = (code: string) => code.charAt(0) + code.slice(1).toLowerCase().replace(/_/g, ' ');
const money = (m: MoneyValue | null | undefined) => (m ? formatMoney(m) : '—');

/**
 * An order's money for staff: paid, refunded and owed (payments), its dues (orders), its payments and refunds, and
 * the ledger's postings when the staff member may read them (`trail` is null otherwise).
 */
export function OrderMoney({ order, trail }: { order: BackOfficeOrderQuery['order']; trail: BackOfficeOrderMoneyTrailQuery['order']['moneyTrail'] | null }) {
  return (
    <section aria-labelledby="money">
      <h2 id="money">Money</h2>
      <p data-testid="order-money">
        Paid {money(order.amountPaid)} · refunded {money(order.amountRefunded)} · owed now {money(order.amountDue)}
      </p>
      <h3>Dues</h3>
      <table className="data-table">
        <caption className="visually-hidden">What the order owes and owed, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Purpose</th>
            <th scope="col">Amount</th>
            <th scope="col">Due by</th>
            <th scope="col">State</th>
            <th scope="col">Rule</th>
          </tr>
        </thead>
        <tbody>
          {order.dues.map((d) => (
            <tr key={d.id}>
              <td>{purposeText(d.purpose)}</td>
              <td>{formatMoney(d.amount)}</td>
              <td>{d.dueAt ? formatDateTime(d.dueAt) : 'At once or on the shipping day'}</td>
              <td>
                {dueWords[d.status] ?? d.status}
                {d.paidAt && <> {formatDateTime(d.paidAt)}</>}
                {d.lastFailure && <span className="muted"> (last try: {d.lastFailure})</span>}
              </td>
              <td>{d.rule ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Payments</h3>
      {order.payments.length === 0 ? (
        <p>No payment yet.</p>
      ) : (
        <ul>
          {order.payments.map((p) => (
            <li key={p.id}>
              {formatDateTime(p.createdAt)}: {purposeText(p.purpose)} {formatMoney(p.amount)}, {words(p.status)}
              {p.paymentMethod && <> ({p.paymentMethod})</>}
              {p.failure && <span className="muted"> ({p.failure.message})</span>}
            </li>
          ))}
        </ul>
      )}
      <h3>Refunds</h3>
      {order.refunds.length === 0 ? (
        <p>No refund.</p>
      ) : (
        <ul data-testid="refunds">
          {order.refunds.map((r) => (
            <li key={r.id}>
              {formatDateTime(r.createdAt)}: {formatMoney(r.amount)} ({words(r.reason)}), {words(r.status)}
            </li>
          ))}
        </ul>
      )}
      {trail && <MoneyTrail postings={trail} />}
    </section>
  );
}
