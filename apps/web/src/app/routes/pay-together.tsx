import { Form, Link, redirect, useNavigation } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import { ApiErrorMessage } from '../components/api-error.js';
import { SandboxCardChoice } from '../components/sandbox-card-choice.js';
import { ApiError, callApi, pageError } from '../lib/api.server.js';
import { metaMessages, useI18n } from '../lib/i18n.js';
import { requestLocale, ruleLanguage } from '../lib/locale.server.js';
import { submitPayment } from '../lib/payment.server.js';
import { requireSession } from '../lib/session.server.js';
import { refusalFor } from '../lib/refusal.server.js';
import type { Route } from './+types/pay-together';
import { pageSizes } from '../lib/page-sizes.js';

// Several balances in one payment: the customer ticks orders on "My orders", reads what each owes and the
// total, and pays once. The amount comes from the orders (payments splits it over them), never from this page.

const dueQuery = graphql(`
  query StorefrontOrdersDue($first: Int!, $language: RuleLanguage!) {
    myOrders(first: $first) {
      edges {
        node {
          id
          status
          lines {
            quantity
            product {
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
            rule(language: $language)
          }
        }
      }
    }
  }
`);

// payments' hosted page for the same orders: one link, one charge there; its "Back to the store" leads to My orders.
const payLinkMutation = graphql(`
  mutation StorefrontPayLink($orderIds: [ID!]!, $returnUrl: String, $locale: String) {
    payLink(orderIds: $orderIds, returnUrl: $returnUrl, locale: $locale) {
      url
    }
  }
`);

export const meta: Route.MetaFunction = ({ matches }) => [{ title: `${metaMessages(matches).pay.togetherTitle} | Vitrine` }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const session = await requireSession(request, context);
  const ids = new Set(new URL(request.url).searchParams.getAll('order'));
  if (ids.size === 1) throw redirect(`/orders/${[...ids][0]}/pay`);
  const language = ruleLanguage(await requestLocale(request, context));
  const { myOrders } = await callApi(context, dueQuery, { first: pageSizes.StorefrontOrdersDue, language }, session.accessToken).catch(pageError);
  const orders = myOrders.edges.map((e) => e.node).filter((o) => ids.has(o.id) && o.nextPayment);
  const currencies = new Set(orders.map((o) => o.nextPayment!.amount.currency));
  const total = currencies.size === 1 ? { amount: orders.reduce((n, o) => n + o.nextPayment!.amount.amount, 0), currency: [...currencies][0]! } : null;
  return { orders, total, idempotencyKey: crypto.randomUUID() };
}

export async function action({ request, context }: Route.ActionArgs) {
  const session = await requireSession(request, context);
  const form = await request.formData();
  const orderIds = form.getAll('orderId').filter((id): id is string => typeof id === 'string');
  if (form.get('intent') === 'hosted') {
    const returnUrl = new URL('/orders', request.url).href;
    const locale = await requestLocale(request, context);
    try {
      const { payLink } = await callApi(context, payLinkMutation, { orderIds, returnUrl, locale }, session.accessToken);
      return redirect(payLink.url);
    } catch (err) {
      if (err instanceof ApiError) return { error: await refusalFor(request, context, err), confirm: null, processing: false };
      throw err;
    }
  }
  return submitPayment(context, await requestLocale(request, context), session.accessToken, form, orderIds, `/orders?paid=${orderIds.length}`);
}

export default function PayTogether({ loaderData, actionData }: Route.ComponentProps) {
  const { orders, total, idempotencyKey } = loaderData;
  const submitting = useNavigation().state === 'submitting';
  const { t, money, dateTime } = useI18n();
  if (orders.length < 2) {
    return (
      <>
        <h1>{t.pay.togetherTitle}</h1>
        <p>
          {t.pay.togetherTickTwo} <Link to="/orders">{t.pay.backToOrders}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t.pay.togetherTitleN(orders.length)}</h1>
      <Form method="post" className="stacked">
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        <table className="data-table">
          <caption>{t.pay.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.pay.order}</th>
              <th scope="col">{t.pay.payment}</th>
              <th scope="col">{t.pay.dueByColumn}</th>
              <th scope="col">{t.pay.amount}</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((o) => (
              <tr key={o.id}>
                <td>
                  {o.lines.map((l) => l.product.name).join(', ')}
                  <input type="hidden" name="orderId" value={o.id} />
                </td>
                <td>{t.purpose[o.nextPayment!.purpose] ?? o.nextPayment!.purpose}</td>
                <td>{o.nextPayment!.dueAt ? dateTime(o.nextPayment!.dueAt) : t.pay.now}</td>
                <td>{money(o.nextPayment!.amount)}</td>
              </tr>
            ))}
          </tbody>
          {total && (
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  {t.pay.total}
                </th>
                <td>{money(total)}</td>
              </tr>
            </tfoot>
          )}
        </table>
        {actionData?.processing && <p role="status">{t.pay.processing}</p>}
        {actionData?.confirm ? (
          <>
            <input type="hidden" name="intentId" value={actionData.confirm} />
            <p>{t.pay.confirmAsk}</p>
            <button type="submit" disabled={submitting}>
              {t.pay.confirm}
            </button>
          </>
        ) : (
          <>
            <SandboxCardChoice />
            <ApiErrorMessage message={actionData?.error} />
            <button type="submit" disabled={submitting}>
              {t.pay.pay(total ? money(total) : t.pay.theseOrders)}
            </button>
          </>
        )}
      </Form>
      {!actionData?.confirm && (
        <Form method="post" className="notice">
          {orders.map((o) => (
            <input key={o.id} type="hidden" name="orderId" value={o.id} />
          ))}
          <p>{t.pay.orHostedTogether}</p>
          <button type="submit" name="intent" value="hosted" disabled={submitting}>
            {t.order.payHosted}
          </button>
        </Form>
      )}
    </>
  );
}
