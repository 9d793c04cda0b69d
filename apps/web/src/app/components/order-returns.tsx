import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../lib/i18n.js';
import { lineReturnState, type PreferenceReturnRule, type ReturnAddressView, type ReturnOfferView } from '../lib/returns.js';
import { ApiErrorMessage } from './api-error.js';
import { DoneMessage } from './done-message.js';
import { ReturnSendBack } from './return-send-back.js';

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
  sendTo?: ReturnAddressView | null;
  sendToUnknown?: string | null;
  parcelReference: string;
}

/**
 * The order page's returns for preference: each one asked (status, the quoted refund, the fee, who pays the postage,
 * the rule it was accepted under, and while it is awaited where to send it and what to write on the parcel); for each delivered line not asked yet, after-sales' offer (until when it can go
 * back and what it would refund, or the day its window closed and the rule); and the way to ask while one is open.
 */
export function OrderReturns(props: {
  orderId: string;
  delivered: boolean;
  rule: PreferenceReturnRule | null;
  returns: readonly OrderReturn[];
  offers: readonly ReturnOfferView[];
  names: ReadonlyMap<string, string>;
  error: string | null;
}) {
  const { t, money, day } = useI18n();
  const [params] = useSearchParams();
  const { orderId, rule, returns } = props;
  const states = props.offers.map(lineReturnState);
  const shown = states.filter((s) => s.kind === 'OPEN' || s.kind === 'CLOSED');
  const canAskMore = states.some((s) => s.kind === 'OPEN');
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
              {r.status === 'REQUESTED' && (
                <ReturnSendBack sendTo={r.sendTo} sendToUnknown={r.sendToUnknown} reference={r.parcelReference} postage={r.returnPostage} />
              )}
            </li>
          ))}
        </ul>
      )}
      {shown.length > 0 && (
        <ul aria-label={t.returns.offers}>
          {shown.map((s) => (
            <li key={s.productId}>
              <strong>{props.names.get(s.productId) ?? t.account.unknownProduct}</strong>
              {t.layout.colon}
              {s.kind === 'OPEN' ? (
                <>
                  {s.lastDay && (
                    <>
                      {t.returns.openUntil(day(s.lastDay))}
                      {t.layout.colon}
                    </>
                  )}
                  {t.returns.wouldRefund(money(s.refund))} ({t.returns.restockingFee(money(s.restockingFee))}
                  {s.shippingRefund && <>, {t.returns.shippingIncluded(money(s.shippingRefund))}</>}, {t.returns.postage[s.postage] ?? s.postage})
                </>
              ) : (
                <>
                  {t.returns.closedOn(day(s.lastDay))} <span className="muted">{s.rule}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {/* The policy's words while a line can be asked for, or when nothing else is said (each return and closed line names its own rule). */}
      {rule && (canAskMore || (returns.length === 0 && shown.length === 0)) && <p className="muted">{rule.text}</p>}
      {props.delivered && canAskMore ? (
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
