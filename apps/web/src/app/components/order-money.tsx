import type { BackOfficeOrderMoneyTrailQuery, BackOfficeOrderQuery } from '../../__generated__/app/graphql.js';
import type { MoneyValue } from '../lib/format.js';
import { useI18n, useWords } from '../lib/i18n.js';
import { orderMoneyWords } from '../lib/messages/admin/order-money.js';
import { MoneyTrail } from './money-trail.js';

/** A state or reason the words do not know yet (a value the API adds later), as words: PARTIALLY_FAILED is "Partially failed". */
const words = (code: string) => code.charAt(0) + code.slice(1).toLowerCase().replace(/_/g, ' ');

/**
 * An order's money for staff: paid, refunded and owed (payments), its dues (orders), its payments and refunds, and
 * the ledger's postings when the staff member may read them (`trail` is null otherwise).
 */
export function OrderMoney({ order, trail }: { order: BackOfficeOrderQuery['order']; trail: BackOfficeOrderMoneyTrailQuery['order']['moneyTrail'] | null }) {
  const { t, money, dateTime } = useI18n();
  const w = useWords(orderMoneyWords);
  const maybeMoney = (m: MoneyValue | null | undefined) => (m ? money(m) : '—');
  const purposeText = (purpose: string) => t.purpose[purpose] ?? purpose;
  return (
    <section aria-labelledby="money">
      <h2 id="money">{w.title}</h2>
      <p data-testid="order-money">{w.summary(maybeMoney(order.amountPaid), maybeMoney(order.amountRefunded), maybeMoney(order.amountDue))}</p>
      <h3>{w.dues}</h3>
      <table className="data-table">
        <caption className="visually-hidden">{w.duesCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{w.purpose}</th>
            <th scope="col">{w.amount}</th>
            <th scope="col">{w.dueBy}</th>
            <th scope="col">{w.state}</th>
            <th scope="col">{w.rule}</th>
          </tr>
        </thead>
        <tbody>
          {order.dues.map((d) => (
            <tr key={d.id}>
              <td>{purposeText(d.purpose)}</td>
              <td>{money(d.amount)}</td>
              <td>{d.dueAt ? dateTime(d.dueAt) : w.atOnceOrShipping}</td>
              <td>
                {w.dueStates[d.status] ?? d.status}
                {d.paidAt && <> {dateTime(d.paidAt)}</>}
                {d.lastFailure && <span className="muted">{w.lastTry(d.lastFailure)}</span>}
              </td>
              <td>{d.rule ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{w.payments}</h3>
      {order.payments.length === 0 ? (
        <p>{w.noPayments}</p>
      ) : (
        <ul>
          {order.payments.map((p) => (
            <li key={p.id}>
              {w.payment(dateTime(p.createdAt), purposeText(p.purpose), money(p.amount), w.paymentStates[p.status] ?? words(p.status))}
              {p.paymentMethod && <> ({p.paymentMethod})</>}
              {p.failure && <span className="muted"> ({p.failure.message})</span>}
            </li>
          ))}
        </ul>
      )}
      <h3>{w.refunds}</h3>
      {order.refunds.length === 0 ? (
        <p>{w.noRefunds}</p>
      ) : (
        <ul data-testid="refunds">
          {order.refunds.map((r) => (
            <li key={r.id}>
              {w.refund(dateTime(r.createdAt), money(r.amount), w.refundReasons[r.reason] ?? words(r.reason), w.refundStates[r.status] ?? words(r.status))}
            </li>
          ))}
        </ul>
      )}
      {trail && <MoneyTrail postings={trail} />}
    </section>
  );
}
