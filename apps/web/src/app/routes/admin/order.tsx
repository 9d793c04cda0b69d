import { Form, Link, useNavigation } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { DoneMessage } from '../../components/done-message.js';
import { OrderFulfilment } from '../../components/order-fulfilment.js';
import { OrderMoney } from '../../components/order-money.js';
import { ApiError, callApi, pageError } from '../../lib/api.server.js';
import { metaLocale, useI18n, useWords, wordsIn } from '../../lib/i18n.js';
import { requestLocale, ruleLanguage } from '../../lib/locale.server.js';
import { backOfficeWords } from '../../lib/messages/admin/back-office.js';
import { orderWords } from '../../lib/messages/admin/order.js';
import { toMinorUnits } from '../../lib/money-input.js';
import { fulfilmentStep, isFulfilmentIntent } from '../../lib/order-steps.server.js';
import { refusalFor } from '../../lib/refusal.server.js';
import { field } from '../../lib/sign-in.server.js';
import { backToPage, formOutOfDate, requireStaff } from '../../lib/staff.server.js';
import type { Route } from './+types/order';

const orderQuery = graphql(`
  query BackOfficeOrder($id: ID!, $language: RuleLanguage!) {
    order(id: $id) {
      id
      status
      staffSteps
      statusReason
      kind
      paymentPlan
      policyVersion
      placedAt
      shippedAt
      deliveredAt
      trackingNumber
      cancellationRequestedAt
      total {
        amount
        currency
      }
      shippingEstimate {
        amount
        currency
      }
      shippingMethod
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
        unitPrice {
          amount
          currency
        }
        lineTotal {
          amount
          currency
        }
        product {
          id
          name
          sku
        }
      }
      dues {
        id
        purpose
        amount {
          amount
          currency
        }
        dueAt
        status
        rule(language: $language)
        lastFailure
        paidAt
      }
      outcome {
        kind
        by
        reason
        kept {
          amount
          currency
        }
        refund {
          amount
          currency
        }
        rule {
          text
        }
        feesWaived
        at
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
        failure {
          message
        }
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
    }
  }
`);
const moneyTrailQuery = graphql(`
  query BackOfficeOrderMoneyTrail($id: ID!) {
    order(id: $id) {
      moneyTrail {
        transactionId
        sequence
        movement
        reason
        account
        amount {
          amount
          currency
        }
      }
    }
  }
`);
const cancelMutation = graphql(`
  mutation BackOfficeCancelOrder($id: ID!, $reason: String!, $waiveFees: Boolean!) {
    cancelOrder(id: $id, reason: $reason, waiveFees: $waiveFees) {
      status
    }
  }
`);
const refundMutation = graphql(`
  mutation BackOfficeRefund($orderId: ID!, $amount: MoneyInput!, $reason: String!, $key: String!) {
    refundPayment(orderId: $orderId, amount: $amount, reason: $reason, idempotencyKey: $key) {
      id
    }
  }
`);
/** The steps whose done message the page words (the `done` the action sends back). */
const doneSteps = ['cancelled', 'refunded', 'confirmShippingDate', 'startFulfilment', 'markShipped', 'markDelivered'] as const;
type DoneStep = (typeof doneSteps)[number];
const isDoneStep = (status: string): status is DoneStep => (doneSteps as readonly string[]).includes(status);
/** A code the words do not know yet (a value the API adds later), as words: INSUFFICIENT_STOCK is "Insufficient stock". */
const words = (code: string) => code.charAt(0) + code.slice(1).toLowerCase().replace(/_/g, ' ');

export const meta: Route.MetaFunction = ({ data, matches }) => {
  const locale = metaLocale(matches);
  return [{ title: wordsIn(backOfficeWords, locale).title(wordsIn(orderWords, locale).title(data?.order.id.slice(0, 8) ?? '')) }];
};

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'orders:manage');
  const { order } = await callApi(
    context,
    orderQuery,
    { id: params.id, language: ruleLanguage(await requestLocale(request, context)) },
    staff.accessToken,
  ).catch(pageError);
  // The ledger is payments' (payments:write); staff without it still see the order, its dues and payments.
  const mayRefund = staff.scopes.includes('payments:write');
  const trail = mayRefund ? (await callApi(context, moneyTrailQuery, { id: params.id }, staff.accessToken).catch(pageError)).order.moneyTrail : null;
  const status = new URL(request.url).searchParams.get('done') ?? '';
  // One key per visit: a refund form sent twice (a double click, a retry) refunds once.
  return { order, trail, mayRefund, refundKey: crypto.randomUUID(), done: isDoneStep(status) ? status : null };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const staff = await requireStaff(request, context, 'orders:manage');
  const form = await request.formData();
  const intent = field(form, 'intent');
  const locale = await requestLocale(request, context);
  const w = wordsIn(orderWords, locale);
  try {
    if (intent === 'cancel') {
      await callApi(context, cancelMutation, { id: params.id, reason: field(form, 'reason'), waiveFees: form.get('waiveFees') === 'on' }, staff.accessToken);
      return backToPage(request, 'cancelled');
    }
    if (intent === 'refund') {
      const currency = field(form, 'currency');
      const amount = toMinorUnits(field(form, 'amount'), currency, locale);
      if (!amount) return { intent, error: w.badAmount(currency) };
      await callApi(
        context,
        refundMutation,
        { orderId: params.id, amount: { amount, currency }, reason: field(form, 'reason'), key: field(form, 'key') },
        staff.accessToken,
      );
      return backToPage(request, 'refunded');
    }
    if (isFulfilmentIntent(intent)) {
      const refused = await fulfilmentStep(context, staff.accessToken, params.id, intent, form, locale);
      return refused ? { intent, error: refused } : backToPage(request, intent);
    }
    return { intent, error: await formOutOfDate(request, context) };
  } catch (err) {
    if (err instanceof ApiError) return { intent, error: await refusalFor(request, context, err, { withProblems: true }) };
    throw err;
  }
}

export default function BackOfficeOrder({ loaderData, actionData }: Route.ComponentProps) {
  const { order, trail, mayRefund, refundKey } = loaderData;
  const { t, money, dateTime } = useI18n();
  const w = useWords(orderWords);
  const submitting = useNavigation().state === 'submitting';
  const currency = order.total.currency;
  // A code (INSUFFICIENT_STOCK) in words; a sentence as it is.
  const statusReason =
    order.statusReason && /^[A-Z_]+$/.test(order.statusReason) ? (w.statusReasons[order.statusReason] ?? words(order.statusReason)) : order.statusReason;
  return (
    <>
      <p>
        <Link to="/admin/orders">{w.allOrders}</Link>
      </p>
      <h1>{w.title(order.id.slice(0, 8))}</h1>
      <DoneMessage message={actionData || !loaderData.done ? null : w.done[loaderData.done]} />
      <dl className="facts">
        <div>
          <dt>{w.orderId}</dt>
          <dd>{order.id}</dd>
        </div>
        <div>
          <dt>{w.status}</dt>
          <dd data-testid="order-status">
            {t.orderStatus[order.status] ?? order.status}
            {/* An ended order's reason is its outcome's, shown below. */}
            {order.statusReason && !order.outcome && <span className="muted"> ({statusReason})</span>}
          </dd>
        </div>
        <div>
          <dt>{w.placed}</dt>
          <dd>
            {w.placedLine(
              dateTime(order.placedAt),
              w.kinds[order.kind] ?? words(order.kind),
              w.plans[order.paymentPlan] ?? words(order.paymentPlan),
              order.policyVersion,
            )}
          </dd>
        </div>
        <div>
          <dt>{w.shipsTo}</dt>
          <dd>
            {order.shippingAddress
              ? `${order.shippingAddress.name}, ${order.shippingAddress.line1}, ${order.shippingAddress.postalCode} ${order.shippingAddress.city}, ${order.shippingAddress.country}`
              : w.noAddress}{' '}
            · {order.shippingMethod ?? w.noMethod} · {w.estimate(money(order.shippingEstimate))}
            {order.trackingNumber && <> · {w.tracking(order.trackingNumber)}</>}
          </dd>
        </div>
        {order.cancellationRequestedAt && (
          <div>
            <dt>{w.cancellationAsked}</dt>
            <dd>{w.staffDecide(dateTime(order.cancellationRequestedAt))}</dd>
          </div>
        )}
        {order.outcome && (
          <div>
            <dt>{order.outcome.kind === 'CANCELLED' ? w.ended.CANCELLED : w.ended.EXPIRED}</dt>
            <dd>
              {w.outcome(
                dateTime(order.outcome.at),
                w.by[order.outcome.by] ?? words(order.outcome.by),
                w.outcomeReasons[order.outcome.reason] ?? order.outcome.reason,
                money(order.outcome.kept),
                money(order.outcome.refund),
                order.outcome.feesWaived,
              )}{' '}
              <span className="muted">{order.outcome.rule.text}</span>
            </dd>
          </div>
        )}
      </dl>

      <h2>{w.figures}</h2>
      <ul>
        {order.lines.map((l) => (
          <li key={l.product.id}>
            {l.quantity} × <Link to={`/admin/products/${l.product.id}`}>{l.product.name}</Link>
            {w.lineAfter(l.product.sku, money(l.unitPrice), money(l.lineTotal))}
          </li>
        ))}
      </ul>
      <p>{w.goods(money(order.total))}</p>

      <OrderMoney order={order} trail={trail} />

      <OrderFulfilment steps={order.staffSteps} submitting={submitting} refused={actionData} />

      {mayRefund && (
        <Form method="post" className="stacked admin-form" aria-label={w.refund}>
          <h2>{w.refund}</h2>
          <input type="hidden" name="intent" value="refund" />
          <input type="hidden" name="key" value={refundKey} />
          <input type="hidden" name="currency" value={currency} />
          <div className="field">
            <label htmlFor="refund-amount">{w.amount(currency)}</label>
            <input id="refund-amount" name="amount" inputMode="decimal" required />
          </div>
          <div className="field">
            <label htmlFor="refund-reason">{w.refundReason}</label>
            <input id="refund-reason" name="reason" maxLength={500} />
          </div>
          {actionData?.intent === 'refund' && <ApiErrorMessage message={actionData.error} />}
          <button type="submit" disabled={submitting}>
            {w.refundSubmit}
          </button>
        </Form>
      )}
      {/* Offered where orders lists CANCEL: neither ended nor shipped. */}
      {order.staffSteps.includes('CANCEL') && (
        <Form method="post" className="stacked admin-form" aria-label={w.cancel}>
          <h2>{w.cancel}</h2>
          <input type="hidden" name="intent" value="cancel" />
          <div className="field">
            <label htmlFor="cancel-reason">{w.cancelReason}</label>
            <input id="cancel-reason" name="reason" maxLength={500} />
          </div>
          <div className="field checkbox">
            <input type="checkbox" id="waiveFees" name="waiveFees" />
            <label htmlFor="waiveFees">{w.waiveFees}</label>
          </div>
          {actionData?.intent === 'cancel' && <ApiErrorMessage message={actionData.error} />}
          <button type="submit" className="danger" disabled={submitting}>
            {w.cancel}
          </button>
        </Form>
      )}
    </>
  );
}
