import { graphql } from '../../../__generated__/app/index.js';
import { callApi, pageError } from '../../lib/api.server.js';
import { formatDateTime, formatMoney } from '../../lib/format.js';
import { discrepancyWords } from '../../lib/payment-words.js';
import { requireStaff } from '../../lib/staff.server.js';
import type { Route } from './+types/ledger';

const reconciliationQuery = graphql(`
  query BackOfficeLedgerReconciliation {
    ledgerReconciliation {
      checkedAt
      balanced
      transactions
      orders
      processingIntents
      totals {
        currency
        paid {
          amount
          currency
        }
        refunded {
          amount
          currency
        }
        refundedOut {
          amount
          currency
        }
        held {
          amount
          currency
        }
      }
      discrepancies {
        kind
        details
      }
    }
  }
`);

export const meta: Route.MetaFunction = () => [{ title: 'Ledger | Back office | Vitrine' }];

/** Payments checks its whole ledger on every load (no cache here: staff open this page to know now). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'payments:write');
  const { ledgerReconciliation: r } = await callApi(context, reconciliationQuery, {}, staff.accessToken).catch(pageError);
  return { ...r, findings: r.discrepancies.map((d) => ({ kind: d.kind, ...discrepancyWords(d.kind, d.details) })) };
}

export default function BackOfficeLedger({ loaderData: r }: Route.ComponentProps) {
  return (
    <>
      <h1>Ledger reconciliation</h1>
      <p>
        Checked {formatDateTime(r.checkedAt)}: {r.transactions} transaction{r.transactions === 1 ? '' : 's'} over {r.orders} order
        {r.orders === 1 ? '' : 's'}. Reload the page to check again.
      </p>
      {r.balanced ? (
        <p className="success" data-testid="verdict">
          The ledger balances: every transaction adds up to zero, no order was refunded more than it paid, and every charge and refund matches the payment
          provider’s.
        </p>
      ) : (
        <p className="error" data-testid="verdict">
          The ledger does not reconcile: {r.findings.length} problem{r.findings.length === 1 ? '' : 's'} found, listed below.
        </p>
      )}
      {r.processingIntents > 0 && (
        <p className="notice">
          {r.processingIntents} payment{r.processingIntents === 1 ? ' is' : 's are'} still waiting on the provider; they are checked again on their own.
        </p>
      )}
      {r.findings.length > 0 && (
        <section aria-labelledby="problems">
          <h2 id="problems">Problems found</h2>
          <ul data-testid="discrepancies">
            {r.findings.map((f, i) => (
              <li key={i}>
                <strong>{f.title}.</strong> {f.sentence}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="totals">
        <h2 id="totals">Totals per currency</h2>
        {r.totals.length === 0 ? (
          <p>No money has moved yet.</p>
        ) : (
          <table className="data-table">
            <caption className="visually-hidden">What the ledger holds, per currency</caption>
            <thead>
              <tr>
                <th scope="col">Currency</th>
                <th scope="col">Captured from customers</th>
                <th scope="col">Refunds decided</th>
                <th scope="col">Refunds paid out</th>
                <th scope="col">Held for orders not shipped</th>
              </tr>
            </thead>
            <tbody>
              {r.totals.map((t) => (
                <tr key={t.currency}>
                  <th scope="row">{t.currency}</th>
                  <td>{formatMoney(t.paid)}</td>
                  <td>{formatMoney(t.refunded)}</td>
                  <td>{formatMoney(t.refundedOut)}</td>
                  <td>{formatMoney(t.held)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
