import { Form, Link, redirect, useNavigation } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import { ApiErrorMessage } from '../components/api-error.js';
import { ApiError, callApi, pageError } from '../lib/api.server.js';
import type { MoneyValue } from '../lib/format.js';
import { metaMessages, useI18n } from '../lib/i18n.js';
import { requestLocale, ruleLanguage } from '../lib/locale.server.js';
import { requireSession } from '../lib/session.server.js';
import { field } from '../lib/sign-in.server.js';
import { refusalFor } from '../lib/refusal.server.js';
import type { Route } from './+types/cancel';

// The cancellation quote before cancelling: what was paid, the fee, what is kept, the refund and the store's
// rule. Cancelling sends the quote's token, so the order is cancelled on exactly these terms or not at all. The button
// is offered only when orders lists the action (`customerActions`: the rule its cancelOrder enforces).

const quoteQuery = graphql(`
  query StorefrontCancellationQuote($id: ID!, $language: RuleLanguage!) {
    order(id: $id) {
      id
      status
      customerActions
      cancellationRequestedAt
      lines {
        quantity
        product {
          name
        }
      }
    }
    cancellationQuote(orderId: $id, language: $language) {
      outcome
      paid {
        amount
        currency
      }
      fee {
        amount
        currency
      }
      keptDownPayment {
        amount
        currency
      }
      forfeited {
        amount
        currency
      }
      refund {
        amount
        currency
      }
      rule {
        id
        text
      }
      token
    }
  }
`);
const cancelMutation = graphql(`
  mutation StorefrontCancelOrder($id: ID!, $token: String!) {
    cancelOrder(id: $id, quoteToken: $token) {
      status
    }
  }
`);

export const meta: Route.MetaFunction = ({ matches }) => [{ title: metaMessages(matches).cancel.metaTitle }];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const session = await requireSession(request, context);
  // The quote's rule comes worded in the page's language (orders words it from the order's policy version).
  const language = ruleLanguage(await requestLocale(request, context));
  return callApi(context, quoteQuery, { id: params.id, language }, session.accessToken).catch(pageError);
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const session = await requireSession(request, context);
  const form = await request.formData();
  try {
    const { cancelOrder } = await callApi(context, cancelMutation, { id: params.id, token: field(form, 'token') }, session.accessToken);
    return redirect(`/orders?${cancelOrder.status === 'CANCELLED' ? 'cancelled' : 'cancel-requested'}=${params.id}`);
  } catch (err) {
    // CONFLICT: the terms changed since the quote; the page reloads with the new quote under the message.
    if (err instanceof ApiError) return { error: await refusalFor(request, context, err) };
    throw err;
  }
}

export default function CancelOrder({ loaderData, actionData }: Route.ComponentProps) {
  const { order, cancellationQuote: quote } = loaderData;
  const submitting = useNavigation().state === 'submitting';
  const name = order.lines.map((l) => l.product.name).join(', ');
  const { t, money } = useI18n();
  const rows: [string, MoneyValue][] = [
    [t.cancel.paid, quote.paid],
    [t.cancel.fee, quote.fee],
  ];
  if (quote.keptDownPayment.amount > 0) rows.push([t.cancel.keptDownPayment, quote.keptDownPayment]);
  if (quote.forfeited.amount > 0) rows.push([t.cancel.forfeited, quote.forfeited]);
  return (
    <>
      <h1>{t.cancel.title(name)}</h1>
      <p>{t.pay.status(t.orderStatus[order.status] ?? order.status)}</p>
      <section aria-labelledby="quote-heading">
        <h2 id="quote-heading">{t.cancel.quote}</h2>
        <dl className="facts">
          {rows.map(([label, amount]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{money(amount)}</dd>
            </div>
          ))}
          <div>
            <dt>{t.cancel.refund}</dt>
            <dd>
              <strong>{money(quote.refund)}</strong>
            </dd>
          </div>
        </dl>
        <p>
          <span className="muted">{t.cancel.rule}</span> {quote.rule.text}
        </p>
      </section>
      <ApiErrorMessage message={actionData?.error} />
      {order.customerActions.includes('CANCEL') || order.customerActions.includes('REQUEST_CANCELLATION') ? (
        <Form method="post">
          <input type="hidden" name="token" value={quote.token} />
          {order.customerActions.includes('REQUEST_CANCELLATION') && <p>{t.cancel.staffDecide}</p>}
          <button type="submit" className="danger" disabled={submitting}>
            {order.customerActions.includes('REQUEST_CANCELLATION') ? t.cancel.ask : t.cancel.confirm(money(quote.refund))}
          </button>
        </Form>
      ) : (
        <p>{order.cancellationRequestedAt ? t.orders.cancelRequested : t.cancel.refused}</p>
      )}
      <p>
        <Link to="/orders">{t.cancel.keep}</Link>
      </p>
    </>
  );
}
