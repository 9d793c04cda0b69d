import { Form, Link, redirect } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import { ApiErrorMessage } from '../components/api-error.js';
import { ReturnSendBack } from '../components/return-send-back.js';
import { ApiError, callApi, pageError } from '../lib/api.server.js';
import { messagesFor, metaMessages, useI18n } from '../lib/i18n.js';
import { requestLocale, ruleLanguage } from '../lib/locale.server.js';
import { lineReturnState, preferenceReturnRule } from '../lib/returns.js';
import { returnOffersOf, returnsOfOrder } from '../lib/returns.server.js';
import { requireSession } from '../lib/session.server.js';
import { field } from '../lib/sign-in.server.js';
import { refusalFor } from '../lib/refusal.server.js';
import type { Route } from './+types/return-new';

const returnOrderQuery = graphql(`
  query StorefrontReturnOrder($id: ID!, $language: RuleLanguage!) {
    order(id: $id) {
      id
      deliveredAt
      lines {
        quantity
        product {
          id
          name
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

const requestReturnMutation = graphql(`
  mutation StorefrontRequestReturn($input: RequestReturnInput!) {
    requestReturn(input: $input) {
      id
      status
    }
  }
`);

/** The API's limit on the reason. */
const reasonMax = 1000;

export const meta: Route.MetaFunction = ({ matches }) => [{ title: `${metaMessages(matches).returns.title} | Vitrine` }];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const session = await requireSession(request, context);
  try {
    const locale = await requestLocale(request, context);
    const { order } = await callApi(context, returnOrderQuery, { id: params.id, language: ruleLanguage(locale) }, session.accessToken);
    // After-sales' offer per line: only lines open now are offered, each with its deadline and refund.
    const offers = order.deliveredAt ? await returnOffersOf(context, order.id, session.accessToken, locale) : { list: [], error: null };
    // Returns already asked and awaited: where to send each and what to write on its parcel.
    const returns = order.deliveredAt ? await returnsOfOrder(context, order.id, session.accessToken, locale) : { list: [], error: null };
    const awaited = returns.list.filter((r) => r.status === 'REQUESTED');
    return { order, rule: preferenceReturnRule(order.policy), states: offers.list.map(lineReturnState), offersError: offers.error ?? returns.error, awaited };
  } catch (err) {
    if (err instanceof ApiError && err.code === 'BAD_USER_INPUT') return pageError(new ApiError(err.message, 'NOT_FOUND'));
    return pageError(err);
  }
}

/** Asks after-sales to take a delivered line back; its policy answers (the window, or no such returns: its rule). */
export async function action({ request, params, context }: Route.ActionArgs) {
  const session = await requireSession(request, context);
  const t = messagesFor(await requestLocale(request, context));
  const form = await request.formData();
  const productId = field(form, 'productId');
  const reason = field(form, 'reason');
  if (!productId) return { error: t.returns.chooseLine };
  if (reason.length > reasonMax) return { error: t.returns.reasonTooLong };
  try {
    await callApi(context, requestReturnMutation, { input: { orderId: params.id, productId, reason: reason || null } }, session.accessToken);
    return redirect(`/orders/${params.id}?returnRequested=1`);
  } catch (err) {
    if (err instanceof ApiError) return { error: await refusalFor(request, context, err, { withProblems: true }) };
    throw err;
  }
}

export default function ReturnNew({ loaderData, actionData }: Route.ComponentProps) {
  const { order, rule, states, offersError, awaited } = loaderData;
  const { t, money, day } = useI18n();
  const names = new Map(order.lines.map((l) => [l.product.id, `${l.product.name}${l.quantity > 1 ? ` × ${l.quantity}` : ''}`]));
  const open = states.flatMap((s) => (s.kind === 'OPEN' ? [s] : []));
  const closed = states.flatMap((s) => (s.kind === 'CLOSED' ? [s] : []));
  return (
    <>
      <p>
        <Link to={`/orders/${order.id}`}>{t.returns.back}</Link>
      </p>
      <h1>{t.returns.title}</h1>
      <section aria-labelledby="return-policy">
        <h2 id="return-policy">{t.returns.policy}</h2>
        {rule ? (
          <ul>
            <li>{rule.text}</li>
            {rule.related.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        ) : (
          <p>{t.returns.policySilent}</p>
        )}
      </section>
      {awaited.length > 0 && (
        <section aria-labelledby="return-awaited">
          <h2 id="return-awaited">{t.returns.awaited}</h2>
          <ul>
            {awaited.map((r) => (
              <li key={r.id}>
                <strong>{names.get(r.productId) ?? t.account.unknownProduct}</strong>
                {t.layout.colon}
                <ReturnSendBack sendTo={r.sendTo} sendToUnknown={r.sendToUnknown} reference={r.parcelReference} postage={r.returnPostage} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {!order.deliveredAt ? (
        <p>{t.returns.notDelivered}</p>
      ) : rule && !rule.accepted ? (
        <p>{t.returns.notAccepted}</p>
      ) : open.length === 0 ? (
        <>
          <ApiErrorMessage message={offersError} />
          <p>{states.length > 0 && states.every((s) => s.kind === 'REQUESTED') ? t.returns.allRequested : t.returns.noneOpen}</p>
          {closed.length > 0 && (
            <ul>
              {closed.map((s) => (
                <li key={s.productId}>
                  <strong>{names.get(s.productId)}</strong>
                  {t.layout.colon}
                  {t.returns.closedOn(day(s.lastDay))} <span className="muted">{s.rule}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <Form method="post" className="stacked">
          <fieldset>
            <legend>{t.returns.line}</legend>
            {open.map((s, i) => (
              <div className="choice" key={s.productId}>
                <input
                  type="radio"
                  id={`line-${s.productId}`}
                  name="productId"
                  value={s.productId}
                  defaultChecked={i === 0}
                  required
                  aria-describedby={`terms-${s.productId}`}
                />
                <label htmlFor={`line-${s.productId}`}>{names.get(s.productId)}</label>
                <p id={`terms-${s.productId}`} className="help">
                  {s.lastDay && (
                    <>
                      {t.returns.openUntil(day(s.lastDay))}
                      {t.layout.colon}
                    </>
                  )}
                  {t.returns.wouldRefund(money(s.refund))} ({t.returns.restockingFee(money(s.restockingFee))}
                  {s.shippingRefund && <>, {t.returns.shippingIncluded(money(s.shippingRefund))}</>}, {t.returns.postage[s.postage] ?? s.postage})
                </p>
              </div>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="reason">{t.returns.reason}</label>
            <textarea id="reason" name="reason" rows={3} maxLength={reasonMax} aria-describedby="reason-help" />
            <p id="reason-help" className="help">
              {t.returns.reasonHelp}
            </p>
          </div>
          <ApiErrorMessage message={actionData?.error} />
          <button type="submit">{t.returns.send}</button>
        </Form>
      )}
    </>
  );
}
