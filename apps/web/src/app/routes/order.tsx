import { Link } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import { ApiErrorMessage } from '../components/api-error.js';
import { HostedPaymentLink } from '../components/hosted-payment-link.js';
import { OrderReturns } from '../components/order-returns.js';
import { ApiError, callApi, pageError } from '../lib/api.server.js';
import { metaMessages, useI18n } from '../lib/i18n.js';
import { requestLocale, ruleLanguage } from '../lib/locale.server.js';
import { preferenceReturnRule } from '../lib/returns.js';
import { returnOffersOf, returnsOfOrder } from '../lib/returns.server.js';
import { requireSession } from '../lib/session.server.js';
import { refusalFor } from '../lib/refusal.server.js';
import type { Route } from './+types/order';

const orderQuery = graphql(`
  query StorefrontOrder($id: ID!, $language: RuleLanguage!) {
    order(id: $id) {
      id
      status
      statusReason
      kind
      customerActions
      placedAt
      deliveredAt
      total {
        amount
        currency
      }
      shippingEstimate {
        amount
        currency
      }
      shippingAddress {
        name
        line1
        line2
        city
        postalCode
        country
      }
      lines {
        quantity
        product {
          id
          name
        }
      }
      nextPayment {
        purpose
        amount {
          amount
          currency
        }
        dueAt
      }
      amountPaid {
        amount
        currency
      }
      amountRefunded {
        amount
        currency
      }
      amountDue {
        amount
        currency
      }
      payNowUrl
      payments {
        id
        status
        purpose
        amount {
          amount
          currency
        }
        paymentMethod
        createdAt
      }
      refunds {
        id
        amount {
          amount
          currency
        }
        reason
        status
        createdAt
      }
      shipments {
        id
        kind
        status
        carrier
        trackingNumber
        dispatchedAt
        deliveredAt
        tracking {
          status
          at
          note
        }
      }
      policy {
        sections(language: $language) {
          title
          rules {
            id
            text
          }
        }
      }
    }
  }
`);

const claimsQuery = graphql(`
  query StorefrontMyClaims {
    myClaims {
      id
      orderId
      kind
      status
      createdAt
    }
  }
`);

export const meta: Route.MetaFunction = ({ matches }) => [{ title: `${metaMessages(matches).order.back} | Vitrine` }];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const session = await requireSession(request, context);
  try {
    const locale = await requestLocale(request, context);
    const { order } = await callApi(context, orderQuery, { id: params.id, language: ruleLanguage(locale) }, session.accessToken);
    // Claims are after-sales' (a list of the customer's, newest first): a failure there leaves the rest readable.
    const claims = await callApi(context, claimsQuery, {}, session.accessToken)
      .then(({ myClaims }) => ({ list: myClaims.filter((c) => c.orderId === order.id), error: null }))
      .catch(async (err: unknown) => {
        if (err instanceof ApiError) return { list: [], error: await refusalFor(request, context, err) };
        throw err;
      });
    const returns = await returnsOfOrder(context, order.id, session.accessToken, locale);
    // Until when each delivered line can go back, and for what (after-sales' offer): asked once the order is delivered.
    const offers = order.deliveredAt ? await returnOffersOf(context, order.id, session.accessToken, locale) : { list: [], error: null };
    // payments' hosted page speaks the customer's language and leads back to this order ("Back to the store").
    if (order.payNowUrl) {
      const hosted = new URL(order.payNowUrl);
      hosted.searchParams.set('return', new URL(`/orders/${order.id}`, request.url).href);
      hosted.searchParams.set('lang', await requestLocale(request, context));
      order.payNowUrl = hosted.href;
    }
    return {
      order,
      claims: claims.list,
      claimsError: claims.error,
      returns: returns.list,
      returnOffers: offers.list,
      returnsError: returns.error ?? offers.error,
    };
  } catch (err) {
    if (err instanceof ApiError && err.code === 'BAD_USER_INPUT') return pageError(new ApiError(err.message, 'NOT_FOUND'));
    return pageError(err);
  }
}

export default function OrderPage({ loaderData }: Route.ComponentProps) {
  const { order: o, claims, claimsError, returns, returnOffers, returnsError } = loaderData;
  const { t, money, day, dateTime } = useI18n();
  const name = o.lines.map((l) => `${l.product.name}${l.quantity > 1 ? ` × ${l.quantity}` : ''}`).join(', ');
  const parcels = o.shipments.filter((s) => s.status !== 'CONSOLIDATED' || o.shipments.length === 1);
  return (
    <article className="order-page">
      <p>
        <Link to="/orders">{t.order.back}</Link>
      </p>
      <h1>{t.order.title(name)}</h1>
      <section aria-labelledby="order-summary">
        <h2 id="order-summary">{t.order.summary}</h2>
        <dl className="facts">
          <dt>{t.order.status}</dt>
          <dd>
            <strong>{t.orderStatus[o.status] ?? o.status}</strong>
            {o.statusReason && <> ({o.statusReason})</>}
          </dd>
          <dt>{t.order.reference}</dt>
          <dd>{o.id.slice(0, 8).toUpperCase()}</dd>
          <dt>{t.order.placedOn}</dt>
          <dd>{day(o.placedAt)}</dd>
          <dt>{t.order.goods}</dt>
          <dd>{money(o.total)}</dd>
          <dt>{t.order.shippingEstimate}</dt>
          <dd>{money(o.shippingEstimate)}</dd>
          {o.shippingAddress && (
            <>
              <dt>{t.order.shipTo}</dt>
              <dd>
                {[
                  o.shippingAddress.name,
                  o.shippingAddress.line1,
                  o.shippingAddress.line2,
                  `${o.shippingAddress.postalCode} ${o.shippingAddress.city}`,
                  o.shippingAddress.country,
                ]
                  .filter(Boolean)
                  .join(', ')}
              </dd>
            </>
          )}
        </dl>
        {/* Offered as orders lists it (customerActions: a due the customer pays, not one charged to the stored card). */}
        {o.nextPayment && o.customerActions.includes('PAY') && (
          <p>
            {t.orders.nextPayment} <strong>{t.orders.paymentOf(t.purpose[o.nextPayment.purpose] ?? o.nextPayment.purpose, money(o.nextPayment.amount))}</strong>
            {o.nextPayment.dueAt ? t.orders.dueBy(dateTime(o.nextPayment.dueAt)) : t.orders.dueNow}{' '}
            <Link to={`/orders/${o.id}/pay`} className="button">
              {t.order.pay}
            </Link>
          </p>
        )}
        {o.nextPayment && o.customerActions.includes('PAY') && o.payNowUrl && <HostedPaymentLink url={o.payNowUrl} />}
      </section>

      <section aria-labelledby="order-tracking">
        <h2 id="order-tracking">{t.order.tracking}</h2>
        {parcels.length === 0 && <p>{t.order.noShipment}</p>}
        {parcels.map((s, i) => (
          <section key={s.id} className="parcel" aria-labelledby={`parcel-${s.id}`}>
            <h3 id={`parcel-${s.id}`}>
              {s.kind === 'REPLACEMENT' ? t.order.replacement : t.order.parcel(i + 1)}
              {t.layout.colon}
              {t.order.shipmentStatus[s.status] ?? s.status}
            </h3>
            <dl className="facts">
              {s.carrier && (
                <>
                  <dt>{t.order.carrier}</dt>
                  <dd>{s.carrier}</dd>
                </>
              )}
              {s.trackingNumber && (
                <>
                  <dt>{t.order.trackingNumber}</dt>
                  <dd>{s.trackingNumber}</dd>
                </>
              )}
              {s.dispatchedAt && (
                <>
                  <dt>{t.order.dispatchedOn}</dt>
                  <dd>{dateTime(s.dispatchedAt)}</dd>
                </>
              )}
              {s.deliveredAt && (
                <>
                  <dt>{t.order.deliveredOn}</dt>
                  <dd>{dateTime(s.deliveredAt)}</dd>
                </>
              )}
            </dl>
            {s.tracking.length > 0 && (
              <ol className="steps" aria-label={t.order.steps}>
                {s.tracking.map((step) => (
                  <li key={`${step.status}-${step.at}`}>
                    <strong>{t.order.step[step.status] ?? step.status}</strong> <time dateTime={step.at}>{dateTime(step.at)}</time>
                    {step.note && <> · {step.note}</>}
                  </li>
                ))}
              </ol>
            )}
          </section>
        ))}
      </section>

      <section aria-labelledby="order-money">
        <h2 id="order-money">{t.order.money}</h2>
        <dl className="facts">
          {o.amountPaid && (
            <>
              <dt>{t.order.paid}</dt>
              <dd>{money(o.amountPaid)}</dd>
            </>
          )}
          {o.amountRefunded && o.amountRefunded.amount > 0 && (
            <>
              <dt>{t.order.refunded}</dt>
              <dd>{money(o.amountRefunded)}</dd>
            </>
          )}
          {o.amountDue && o.amountDue.amount > 0 && (
            <>
              <dt>{t.order.due}</dt>
              <dd>{money(o.amountDue)}</dd>
            </>
          )}
        </dl>
        <h3>{t.order.payments}</h3>
        {o.payments.length === 0 ? (
          <p>{t.order.noPayments}</p>
        ) : (
          <ul className="money-trail">
            {o.payments.map((p) => (
              <li key={p.id}>
                {day(p.createdAt)}
                {t.layout.colon}
                {t.purpose[p.purpose] ?? p.purpose}, {money(p.amount)} · {t.order.paymentStatus[p.status] ?? p.status}
                {p.paymentMethod && <span className="muted"> ({p.paymentMethod})</span>}
              </li>
            ))}
          </ul>
        )}
        <h3>{t.order.refunds}</h3>
        {o.refunds.length === 0 ? (
          <p>{t.order.noRefunds}</p>
        ) : (
          <ul className="money-trail">
            {o.refunds.map((r) => (
              <li key={r.id}>
                {day(r.createdAt)}
                {t.layout.colon}
                {t.order.refundReason[r.reason] ?? r.reason}, {money(r.amount)} · {t.order.refundStatus[r.status] ?? r.status}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="order-claims">
        <h2 id="order-claims">{t.order.claims}</h2>
        <ApiErrorMessage message={claimsError} />
        {claims.length === 0 ? (
          <p>{t.order.noClaims}</p>
        ) : (
          <ul>
            {claims.map((c) => (
              <li key={c.id}>
                <Link to={`/orders/${o.id}/claims/${c.id}`}>{t.claim.kinds[c.kind] ?? c.kind}</Link>
                {t.layout.colon}
                {t.claim.status[c.status] ?? c.status} · {day(c.createdAt)}
              </li>
            ))}
          </ul>
        )}
        {o.deliveredAt ? (
          <p>
            <Link to={`/orders/${o.id}/claims/new`} className="button">
              {t.order.openClaim}
            </Link>
          </p>
        ) : (
          <p className="muted">{t.order.claimAfterDelivery}</p>
        )}
      </section>

      <OrderReturns
        orderId={o.id}
        delivered={Boolean(o.deliveredAt)}
        rule={preferenceReturnRule(o.policy)}
        returns={returns}
        offers={returnOffers}
        names={new Map(o.lines.map((l) => [l.product.id, l.product.name]))}
        error={returnsError}
      />
    </article>
  );
}
