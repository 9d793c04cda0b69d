import { Form, Link, useNavigation } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import { ApiErrorMessage } from '../components/api-error.js';
import { SandboxCardChoice } from '../components/sandbox-card-choice.js';
import { callApi, pageError } from '../lib/api.server.js';
import { metaMessages, useI18n } from '../lib/i18n.js';
import { submitPayment } from '../lib/payment.server.js';
import { requireSession } from '../lib/session.server.js';
import { requestLocale, ruleLanguage } from '../lib/locale.server.js';
import type { Route } from './+types/pay';

const orderToPayQuery = graphql(`
  query StorefrontOrderToPay($id: ID!, $language: RuleLanguage!) {
    order(id: $id) {
      id
      status
      statusReason
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
        goods {
          amount
          currency
        }
        shipping {
          amount
          currency
        }
        dueAt
        rule(language: $language)
      }
    }
  }
`);

export const meta: Route.MetaFunction = ({ data, matches }) => [
  { title: metaMessages(matches).pay.metaTitle },
  // While the order is being placed there is nothing to pay yet: look again shortly.
  ...(data && !data.order.nextPayment && data.order.status === 'PENDING' ? [{ httpEquiv: 'refresh', content: '2' }] : []),
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const session = await requireSession(request, context);
  const language = ruleLanguage(await requestLocale(request, context));
  const { order } = await callApi(context, orderToPayQuery, { id: params.id, language }, session.accessToken).catch(pageError);
  return { order, idempotencyKey: crypto.randomUUID() };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const session = await requireSession(request, context);
  return submitPayment(context, await requestLocale(request, context), session.accessToken, await request.formData(), [params.id], `/orders?paid=${params.id}`);
}

export default function Pay({ loaderData, actionData }: Route.ComponentProps) {
  const { order, idempotencyKey } = loaderData;
  const due = order.nextPayment;
  const submitting = useNavigation().state === 'submitting';
  const name = order.lines.map((l) => l.product.name).join(', ');
  const { t, money, dateTime } = useI18n();
  return (
    <>
      <h1>{t.pay.title(name)}</h1>
      <p>{t.pay.status(t.orderStatus[order.status] ?? order.status)}</p>
      {!due && order.status === 'PENDING' && <p role="status">{t.pay.beingPlaced}</p>}
      {!due && order.status !== 'PENDING' && (
        <p>
          {t.pay.nothingDue} <Link to="/orders">{t.pay.backToOrders}</Link>
        </p>
      )}
      {due && (
        <>
          <section aria-labelledby="due-heading">
            <h2 id="due-heading">
              {t.purpose[due.purpose] ?? due.purpose}: {money(due.amount)}
            </h2>
            <p>
              {t.pay.breakdown(money(due.goods), money(due.shipping))} {due.dueAt ? t.pay.dueBy(dateTime(due.dueAt)) : t.pay.dueNow}
              {due.rule && <span className="muted"> ({due.rule})</span>}
            </p>
          </section>
          {actionData?.processing && <p role="status">{t.pay.processing}</p>}
          {actionData?.confirm ? (
            <Form method="post">
              <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
              <input type="hidden" name="intentId" value={actionData.confirm} />
              <p>{t.pay.confirmAsk}</p>
              <button type="submit" disabled={submitting}>
                {t.pay.confirm}
              </button>
            </Form>
          ) : (
            <Form method="post" className="stacked">
              <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
              <SandboxCardChoice />
              <ApiErrorMessage message={actionData?.error} />
              <button type="submit" disabled={submitting}>
                {t.pay.pay(money(due.amount))}
              </button>
            </Form>
          )}
        </>
      )}
    </>
  );
}
