import type { MoneyValue } from '../lib/format.js';
import { useI18n, useWords } from '../lib/i18n.js';
import { moneyTrailWords } from '../lib/messages/admin/money-trail.js';

interface Posting {
  transactionId: string;
  sequence: number;
  movement: string;
  reason?: string | null;
  account: string;
  amount: MoneyValue;
}

/** A charge's purpose or a refund's reason is a code (FULL_PAYMENT); a staff refund's is its own sentence. */
const codeWords = (code: string) => code.charAt(0) + code.slice(1).toLowerCase().replace(/_/g, ' ');

/** An order's ledger postings (payments' double entry), in ledger order: debits positive, credits negative. */
export function MoneyTrail({ postings }: { postings: readonly Posting[] }) {
  const { money } = useI18n();
  const w = useWords(moneyTrailWords);
  const reasonText = (reason: string) => (/^[A-Z_]+$/.test(reason) ? (w.reasons[reason] ?? codeWords(reason)) : reason);
  return (
    <>
      <h3>{w.title}</h3>
      {postings.length === 0 ? (
        <p>{w.nothingPosted}</p>
      ) : (
        <table className="data-table" data-testid="money-trail">
          <caption className="visually-hidden">{w.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{w.sequence}</th>
              <th scope="col">{w.movement}</th>
              <th scope="col">{w.account}</th>
              <th scope="col">{w.amount}</th>
              <th scope="col">{w.why}</th>
            </tr>
          </thead>
          <tbody>
            {postings.map((p) => (
              <tr key={`${p.transactionId}-${p.sequence}-${p.account}`}>
                <td>{p.sequence}</td>
                <td>{w.movements[p.movement] ?? p.movement}</td>
                <td>{w.accounts[p.account] ?? p.account}</td>
                <td>{money(p.amount)}</td>
                <td>{p.reason ? reasonText(p.reason) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
