import { Form, Link, redirect } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import type { ClaimIssue, ClaimKind, DamageSeverity, PartCategory } from '../../__generated__/app/graphql.js';
import { ApiErrorMessage } from '../components/api-error.js';
import { changedParts, ClaimPartRows, partChoice, partValues } from '../components/claim-part-rows.js';
import { ApiError, callApi, pageError } from '../lib/api.server.js';
import { claimIssues, claimKinds, damageSeverities, maxClaimParts, partCategories } from '../lib/claims.js';
import { messagesFor, metaMessages, useI18n } from '../lib/i18n.js';
import { requestLocale } from '../lib/locale.server.js';
import { requireSession } from '../lib/session.server.js';
import { field } from '../lib/sign-in.server.js';
import { refusalFor } from '../lib/refusal.server.js';
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
          parts {
            name
            category
          }
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

/** A row's part: named from the figure's parts list (after-sales checks the name against it), or by its category. */
function partOf(value: string): { name: string } | { category: PartCategory } | null {
  const choice = partChoice(value);
  if ('name' in choice) return choice.name ? { name: choice.name } : null;
  const category = oneOf<PartCategory>(partCategories, choice.category);
  return category ? { category } : null;
}

/**
 * Opens the claim as a draft with every part row sent (the order's policy may refuse it at once, with its rule), then
 * its page takes the files. A refusal gives back what was typed, rows included.
 */
export async function action({ request, params, context }: Route.ActionArgs) {
  const session = await requireSession(request, context);
  const t = messagesFor(await requestLocale(request, context));
  const form = await request.formData();
  const values = {
    productId: field(form, 'productId'),
    kind: field(form, 'kind'),
    severity: field(form, 'severity'),
    description: field(form, 'description'),
    parts: partValues(form),
  };
  // "Add a part" / "Remove part n" without JavaScript: the form comes back with the rows changed, nothing sent.
  const change = form.get('partsChange');
  if (typeof change === 'string') return { error: undefined, values: { ...values, parts: changedParts(values.parts, change) ?? values.parts } };
  const kind = oneOf<ClaimKind>(claimKinds, values.kind);
  const severity = oneOf<DamageSeverity>(damageSeverities, values.severity) ?? 'STANDARD';
  if (values.parts.length > maxClaimParts) return { error: t.claim.tooManyParts(maxClaimParts), values };
  // Every row needs its kind of part and what is wrong with it; one left incomplete sends nothing.
  const parts = values.parts.flatMap((p) => {
    const part = partOf(p.category);
    const issue = oneOf<ClaimIssue>(claimIssues, p.issue);
    return part && issue ? [{ ...part, issue, ...(p.note ? { note: p.note } : {}) }] : [];
  });
  const complete = parts.length > 0 && parts.length === values.parts.length;
  if (!values.productId || !kind || !complete || !values.description) return { error: t.claim.missing, values };
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
          parts,
        },
      },
      session.accessToken,
    );
    return redirect(`/orders/${params.id}/claims/${startClaim.id}`);
  } catch (err) {
    if (err instanceof ApiError) return { error: await refusalFor(request, context, err), values };
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
        {/* Enter in a field submits with the form's first submit button: this one, not a part row's "Remove" or "Add" (submit buttons without JavaScript). */}
        <button type="submit" className="visually-hidden" tabIndex={-1} aria-hidden="true">
          {t.claim.start}
        </button>
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
        <ClaimPartRows initial={values?.parts} products={order.lines.map((l) => l.product)} productSelect="productId" />
        <ApiErrorMessage message={actionData?.error} />
        <button type="submit">{t.claim.start}</button>
      </Form>
    </>
  );
}
