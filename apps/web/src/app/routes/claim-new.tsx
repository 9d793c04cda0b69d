import { Form, Link, redirect } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import type { ClaimIssue, ClaimKind, DamageSeverity, PartCategory } from '../../__generated__/app/graphql.js';
import { ApiErrorMessage } from '../components/api-error.js';
import { ApiError, callApi, pageError } from '../lib/api.server.js';
import { claimIssues, claimKinds, damageSeverities, partCategories } from '../lib/claims.js';
import { messagesFor, metaMessages, useI18n } from '../lib/i18n.js';
import { requestLocale } from '../lib/locale.server.js';
import { requireSession } from '../lib/session.server.js';
import { field } from '../lib/sign-in.server.js';
import type { Route } from './+types/claim-new';

const orderLinesQuery = graphql(`
  query StorefrontClaimOrder($id: ID!) {
    order(id: $id) {
      id
      deliveredAt
      lines {
        product {
          id
          name
        }
      }
    }
  }
`);

const startClaimMutation = graphql(`
  mutation StorefrontStartClaim($input: StartClaimInput!) {
    startClaim(input: $input) {
      id
    }
  }
`);

export const meta: Route.MetaFunction = ({ matches }) => [{ title: `${metaMessages(matches).claim.newTitle} | Vitrine` }];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const session = await requireSession(request, context);
  try {
    const { order } = await callApi(context, orderLinesQuery, { id: params.id }, session.accessToken);
    return { order };
  } catch (err) {
    return pageError(err);
  }
}

const oneOf = <V extends string>(values: readonly V[], value: string): V | null => (values.includes(value as V) ? (value as V) : null);

/** Opens the claim as a draft (the order's policy may refuse it at once, with its rule), then its page takes the files. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const session = await requireSession(request, context);
  const t = messagesFor(await requestLocale(request, context));
  const form = await request.formData();
  const values = {
    productId: field(form, 'productId'),
    kind: field(form, 'kind'),
    severity: field(form, 'severity'),
    description: field(form, 'description'),
    category: field(form, 'category'),
    issue: field(form, 'issue'),
    note: field(form, 'note'),
  };
  const kind = oneOf<ClaimKind>(claimKinds, values.kind);
  const severity = oneOf<DamageSeverity>(damageSeverities, values.severity) ?? 'STANDARD';
  const category = oneOf<PartCategory>(partCategories, values.category);
  const issue = oneOf<ClaimIssue>(claimIssues, values.issue);
  if (!values.productId || !kind || !category || !issue || !values.description) return { error: t.claim.missing, values };
  try {
    const { startClaim } = await callApi(
      context,
      startClaimMutation,
      {
        input: {
          orderId: params.id,
          productId: values.productId,
          kind,
          severity,
          description: values.description,
          parts: [{ category, issue, ...(values.note ? { note: values.note } : {}) }],
        },
      },
      session.accessToken,
    );
    return redirect(`/orders/${params.id}/claims/${startClaim.id}`);
  } catch (err) {
    if (err instanceof ApiError) return { error: err.message, values };
    throw err;
  }
}

export default function NewClaim({ loaderData, actionData }: Route.ComponentProps) {
  const { order } = loaderData;
  const { t } = useI18n();
  const values = actionData?.values;
  return (
    <>
      <p>
        <Link to={`/orders/${order.id}`}>{t.claim.backToOrder}</Link>
      </p>
      <h1>{t.claim.newTitle}</h1>
      <p>{t.claim.newIntro}</p>
      <Form method="post" className="stacked">
        <div className="field">
          <label htmlFor="productId">{t.claim.figure}</label>
          <select id="productId" name="productId" required defaultValue={values?.productId}>
            {order.lines.map((l) => (
              <option key={l.product.id} value={l.product.id}>
                {l.product.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="kind">{t.claim.kind}</label>
          <select id="kind" name="kind" required defaultValue={values?.kind ?? 'SHIPPING_DAMAGE'}>
            {claimKinds.map((k) => (
              <option key={k} value={k}>
                {t.claim.kinds[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="severity">{t.claim.severity}</label>
          <select id="severity" name="severity" defaultValue={values?.severity ?? 'STANDARD'}>
            {damageSeverities.map((s) => (
              <option key={s} value={s}>
                {t.claim.severities[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="description">{t.claim.description}</label>
          <textarea
            id="description"
            name="description"
            required
            minLength={10}
            maxLength={2000}
            rows={4}
            aria-describedby="description-help"
            defaultValue={values?.description}
          />
          <p id="description-help" className="help">
            {t.claim.descriptionHelp}
          </p>
        </div>
        <fieldset>
          <legend>{t.claim.part}</legend>
          <div className="field">
            <label htmlFor="category">{t.claim.category}</label>
            <select id="category" name="category" required defaultValue={values?.category}>
              {partCategories.map((c) => (
                <option key={c} value={c}>
                  {t.claim.categories[c]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="issue">{t.claim.issue}</label>
            <select id="issue" name="issue" required defaultValue={values?.issue}>
              {claimIssues.map((i) => (
                <option key={i} value={i}>
                  {t.claim.issues[i]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="note">{t.claim.partNote}</label>
            <input id="note" name="note" maxLength={500} defaultValue={values?.note} />
          </div>
        </fieldset>
        <ApiErrorMessage message={actionData?.error} />
        <button type="submit">{t.claim.start}</button>
      </Form>
    </>
  );
}
