import { graphql } from '../../../__generated__/app/index.js';
import { callApi, pageError } from '../../lib/api.server.js';
import { sectionMeta } from '../../lib/back-office-meta.js';
import { useI18n, useWords } from '../../lib/i18n.js';
import { requestLocale } from '../../lib/locale.server.js';
import { ledgerWords } from '../../lib/messages/admin/ledger.js';
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

export const meta: Route.MetaFunction = (args) => sectionMeta(args, 'ledger');

/** Payments checks its whole ledger on every load (no cache here: staff open this page to know now). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'payments:write');
  const { ledgerReconciliation: r } = await callApi(context, reconciliationQuery, {}, staff.accessToken).catch(pageError);
  const locale = await requestLocale(request, context);
  return { ...r, findings: r.discrepancies.map((d) => ({ kind: d.kind, ...discrepancyWords(d.kind, d.details, locale) })) };
}

export default function BackOfficeLedger({ loaderData: r }: Route.ComponentProps) {
  const { money, dateTime } = useI18n();
  const w = useWords(ledgerWords);
  return (
    <>
      <h1>{w.heading}</h1>
      <p>{w.checked(dateTime(r.checkedAt), r.transactions, r.orders)}</p>
      {r.balanced ? (
        <p className="success" data-testid="verdict">
          {w.balanced}
        </p>
      ) : (
        <p className="error" data-testid="verdict">
          {w.unbalanced(r.findings.length)}
        </p>
      )}
      {r.processingIntents > 0 && <p className="notice">{w.processing(r.processingIntents)}</p>}
      {r.findings.length > 0 && (
        <section aria-labelledby="problems">
          <h2 id="problems">{w.problems}</h2>
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
        <h2 id="totals">{w.totals}</h2>
        {r.totals.length === 0 ? (
          <p>{w.noMoney}</p>
        ) : (
          <table className="data-table">
            <caption className="visually-hidden">{w.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{w.currency}</th>
                <th scope="col">{w.paid}</th>
                <th scope="col">{w.refunded}</th>
                <th scope="col">{w.refundedOut}</th>
                <th scope="col">{w.held}</th>
              </tr>
            </thead>
            <tbody>
              {r.totals.map((t) => (
                <tr key={t.currency}>
                  <th scope="row">{t.currency}</th>
                  <td>{money(t.paid)}</td>
                  <td>{money(t.refunded)}</td>
                  <td>{money(t.refundedOut)}</td>
                  <td>{money(t.held)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
