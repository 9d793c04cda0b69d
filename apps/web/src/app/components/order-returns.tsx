import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../lib/i18n.js';
import type { PreferenceReturnRule } from '../lib/returns.js';
import { ApiErrorMessage } from './api-error.js';
import { DoneMessage } from './done-message.js';

interface MoneyValue {
  amount: number;
  currency: string;
}

export interface OrderReturn {
  id: string;
  productId: string;
  status: string;
  requestedAt: string;
  quotedRefund: MoneyValue;
  restockingFee: MoneyValue;
  returnPostage: string;
  rule: { text: string };
  refund?: MoneyValue | null;
}

/**
 * The order page's returns for preference: each one asked (status, the quoted refund, the fee, who pays the postage,
 * the rule it was accepted under) and, once delivered where the policy takes them, the way to ask for one.
 */
export function OrderReturns(props: {
  orderId: string;
  delivered: boolean;
  rule: PreferenceReturnRule | null;
  returns: readonly OrderReturn[];
  names: ReadonlyMap<string, string>;
  canAskMore: boolean;
  error: string | null;
}) {
  const { t, money, day } = useI18n();
  const [params] = useSearchParams();
  const { orderId, rule, returns } = props;
  return (
    <section aria-labelledby="order-returns">
      <h2 id="order-returns">{t.returns.list}</h2>
      <DoneMessage message={params.get('returnRequested') ? t.returns.requested : null} />
      <ApiErrorMessage message={props.error} />
      {returns.length > 0 && (
        <ul>
          {returns.map((r) => (
            <li key={r.id}>
              <strong>{props.names.get(r.productId) ?? t.account.unknownProduct}</strong>
              {t.layout.colon}
              {t.returns.status[r.status] ?? r.status} · {day(r.requestedAt)}
              <br />
              {t.returns.quotedRefund}
              {t.layout.colon}
              {money(r.quotedRefund)} ({t.returns.restockingFee(money(r.restockingFee))}, {t.returns.postage[r.returnPostage] ?? r.returnPostage})
              {r.refund && <> · {t.returns.refunded(money(r.refund))}</>}
              <br />
              <span className="muted">{r.rule.text}</span>
            </li>
          ))}
        </ul>
      )}
      {/* The policy's words until every line is being returned (each return then names its own rule). */}
      {rule && (returns.length === 0 || props.canAskMore) && <p className="muted">{rule.text}</p>}
      {props.delivered && rule?.accepted && props.canAskMore ? (
        <p>
          <Link to={`/orders/${orderId}/return`} className="button">
            {t.returns.link}
          </Link>
        </p>
      ) : (
        !props.delivered && <p className="muted">{t.returns.notDelivered}</p>
      )}
    </section>
  );
}
