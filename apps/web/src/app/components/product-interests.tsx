import { Form, Link } from 'react-router';
import { useI18n } from '../lib/i18n.js';
import { ApiErrorMessage } from './api-error.js';

export interface ProductInterest {
  id: string;
  kind: string;
  quantity: number;
  state: string;
  requestedAt: string;
  position?: number | null;
  offer?: { quantity: number; expiresAt: string } | null;
  product?: { id: string; name: string } | null;
}

/** The account page's notify-me and waitlist entries, each with "Withdraw" (`withdrawProductInterest`). */
export function ProductInterests({ interests, error }: { interests: readonly ProductInterest[]; error: string | null | undefined }) {
  const { t, day, dateTime } = useI18n();
  return (
    <section aria-labelledby="account-interests">
      <h2 id="account-interests">{t.account.interests}</h2>
      <ApiErrorMessage message={error} />
      {interests.length === 0 ? (
        <p>{t.account.noInterests}</p>
      ) : (
        <ul className="interests">
          {interests.map((i) => {
            const name = i.product?.name ?? t.account.unknownProduct;
            return (
              <li key={i.id}>
                {i.product ? <Link to={`/products/${i.product.id}`}>{name}</Link> : name}
                {t.layout.colon}
                <strong>{t.account.kind[i.kind] ?? i.kind}</strong>
                {i.kind === 'WAITLIST' && <>, {t.account.units(i.quantity)}</>} · {t.account.state[i.state] ?? i.state}
                {i.position != null && <>, {t.account.position(i.position)}</>}
                {i.offer && <>, {t.account.offerUntil(i.offer.quantity, dateTime(i.offer.expiresAt))}</>}{' '}
                <span className="muted">({t.account.since(day(i.requestedAt))})</span>
                <Form method="post" className="inline">
                  <input type="hidden" name="intent" value="withdraw" />
                  <input type="hidden" name="id" value={i.id} />{' '}
                  <button type="submit" className="link-button" aria-label={t.account.withdrawLabel(name)}>
                    {t.account.withdraw}
                  </button>
                </Form>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
