import { Form, Link, redirect } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import { ApiErrorMessage } from '../components/api-error.js';
import { ApiError, callApi, messageWithProblems, pageError } from '../lib/api.server.js';
import { messagesFor, metaMessages, useI18n } from '../lib/i18n.js';
import { requestLocale } from '../lib/locale.server.js';
import { preferenceReturnRule, returnableLines } from '../lib/returns.js';
import { requireSession } from '../lib/session.server.js';
import { field } from '../lib/sign-in.server.js';
import type { Route } from './+types/return-new';

const returnOrderQuery = graphql(`
  query StorefrontReturnOrder($id: ID!) {
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
        sections {
          title
          rules {
            id
            text
          }
        }
      }
    }
    myReturns {
      orderId
      productId
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
    const { order, myReturns } = await callApi(context, returnOrderQuery, { id: params.id }, session.accessToken);
    return { order, rule: preferenceReturnRule(order.policy), lines: returnableLines(order.lines, myReturns, order.id) };
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
    if (err instanceof ApiError) return { error: messageWithProblems(err) };
    throw err;
  }
}

export default function ReturnNew({ loaderData, actionData }: Route.ComponentProps) {
  const { order, rule, lines } = loaderData;
  const { t } = useI18n();
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
      {!order.deliveredAt ? (
        <p>{t.returns.notDelivered}</p>
      ) : rule && !rule.accepted ? (
        <p>{t.returns.notAccepted}</p>
      ) : lines.length === 0 ? (
        <p>{t.returns.allRequested}</p>
      ) : (
        <Form method="post" className="stacked">
          <fieldset>
            <legend>{t.returns.line}</legend>
            {lines.map((l, i) => (
              <div className="choice" key={l.product.id}>
                <input type="radio" id={`line-${l.product.id}`} name="productId" value={l.product.id} defaultChecked={i === 0} required />
                <label htmlFor={`line-${l.product.id}`}>
                  {l.product.name}
                  {l.quantity > 1 && ` × ${l.quantity}`}
                </label>
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
