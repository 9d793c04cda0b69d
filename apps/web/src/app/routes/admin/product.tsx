import { Form, useNavigation, useSearchParams } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import { DoneMessage } from '../../components/done-message.js';
import { ProductPages } from '../../components/product-pages.js';
import type { PaymentPlanInput, PaymentPlanKind, PreorderCloseReason } from '../../../__generated__/app/graphql.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { ApiError, callApi, pageError } from '../../lib/api.server.js';
import { metaLocale, useI18n, useWords, wordsIn } from '../../lib/i18n.js';
import { requestLocale } from '../../lib/locale.server.js';
import { backOfficeWords } from '../../lib/messages/admin/back-office.js';
import { productWords } from '../../lib/messages/admin/product.js';
import { planInWords } from '../../lib/payment-plan.js';
import { refusalFor } from '../../lib/refusal.server.js';
import { field } from '../../lib/sign-in.server.js';
import { backToPage, formOutOfDate, requireStaff } from '../../lib/staff.server.js';
import type { Route } from './+types/product';

const productQuery = graphql(`
  query BackOfficeProduct($id: ID!) {
    product(id: $id) {
      id
      sku
      name
      status
      price {
        amount
        currency
      }
      releaseEstimate
      availableQuantity
      preorderCampaign {
        state
        opensAt
        closesAt
        limitedQuantity
        closedAt
        closeReason
        closeNote
        paymentPlan {
          kind
          depositPercent
          fullPaymentAllowed
        }
      }
      releaseDateHistory {
        oldEstimate
        newEstimate
        reason
        changedAt
      }
    }
  }
`);
const openMutation = graphql(`
  mutation BackOfficeOpenCampaign($id: ID!, $input: OpenPreorderInput!) {
    openPreorderCampaign(productId: $id, input: $input) {
      state
    }
  }
`);
const termsMutation = graphql(`
  mutation BackOfficeChangeTerms($id: ID!, $input: ChangePreorderTermsInput!, $reason: String!) {
    changePreorderTerms(productId: $id, input: $input, reason: $reason) {
      state
    }
  }
`);
const closeMutation = graphql(`
  mutation BackOfficeCloseCampaign($id: ID!, $reason: PreorderCloseReason!, $note: String!) {
    closePreorderEarly(productId: $id, reason: $reason, note: $note) {
      state
    }
  }
`);
const slipMutation = graphql(`
  mutation BackOfficeReleaseDate($id: ID!, $estimate: String!, $reason: String!) {
    changeReleaseDate(productId: $id, estimate: $estimate, reason: $reason) {
      releaseEstimate
    }
  }
`);

// The plans and close reasons offered, in this order (worded in messages/admin/product.ts).
const planKinds: PaymentPlanKind[] = ['DEPOSIT', 'FULL_PAYMENT', 'PAY_ON_ARRIVAL', 'CHARGE_AT_SHIP'];
const closeReasons: PreorderCloseReason[] = ['SOLD_OUT', 'MAKER_REQUEST', 'STORE_DECISION'];

export const meta: Route.MetaFunction = ({ data, matches }) => {
  const locale = metaLocale(matches);
  return [{ title: wordsIn(backOfficeWords, locale).title(data?.product.name ?? wordsIn(productWords, locale).product) }];
};

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'catalog:write');
  const { product } = await callApi(context, productQuery, { id: params.id }, staff.accessToken).catch(pageError);
  if (!product) throw pageError(new ApiError(wordsIn(productWords, await requestLocale(request, context)).notFound, 'NOT_FOUND'));
  return { product };
}

/** A day picked in a form ("2027-03-31") as the end of that day, UTC: the last moment orders are taken. */
const endOfDay = (day: string) => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T23:59:59.000Z` : null);

function planFrom(form: FormData): PaymentPlanInput | null {
  const kind = field(form, 'planKind') as PaymentPlanKind | '';
  if (!kind) return null;
  if (kind !== 'DEPOSIT') return { kind };
  return { kind, depositPercent: Number(field(form, 'depositPercent')), fullPaymentAllowed: form.get('fullPaymentAllowed') === 'on' };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const staff = await requireStaff(request, context, 'catalog:write');
  const form = await request.formData();
  const intent = field(form, 'intent');
  const id = params.id;
  const closesAt = field(form, 'closesAt') ? endOfDay(field(form, 'closesAt')) : null;
  if (field(form, 'closesAt') && !closesAt) return { intent, error: wordsIn(productWords, await requestLocale(request, context)).pickClosingDay };
  const limited = field(form, 'limitedQuantity') ? Number(field(form, 'limitedQuantity')) : null;
  try {
    if (intent === 'open') {
      await callApi(
        context,
        openMutation,
        { id, input: { closesAt, paymentPlan: planFrom(form), ...(limited ? { limitedQuantity: limited } : {}) } },
        staff.accessToken,
      );
    } else if (intent === 'terms') {
      await callApi(
        context,
        termsMutation,
        { id, input: { closesAt, paymentPlan: planFrom(form), limitedQuantity: limited }, reason: field(form, 'reason') },
        staff.accessToken,
      );
    } else if (intent === 'close') {
      await callApi(context, closeMutation, { id, reason: field(form, 'closeReason') as PreorderCloseReason, note: field(form, 'note') }, staff.accessToken);
    } else if (intent === 'slip') {
      await callApi(context, slipMutation, { id, estimate: field(form, 'estimate'), reason: field(form, 'reason') }, staff.accessToken);
    } else {
      return { intent, error: await formOutOfDate(request, context) };
    }
  } catch (err) {
    if (err instanceof ApiError) return { intent, error: await refusalFor(request, context, err) };
    throw err;
  }
  return backToPage(request, intent);
}

/** The payment plan's fields, prefilled with the campaign's. */
function PlanFields({
  prefix,
  plan,
}: {
  prefix: string;
  plan: { kind: string; depositPercent?: number | null; fullPaymentAllowed?: boolean | null } | null | undefined;
}) {
  const w = useWords(productWords).plan;
  return (
    <fieldset>
      <legend>{w.legend}</legend>
      <div className="field">
        <label htmlFor={`${prefix}-plan`}>{w.plan}</label>
        <select id={`${prefix}-plan`} name="planKind" defaultValue={plan?.kind ?? ''}>
          <option value="">{w.storeDefault}</option>
          {planKinds.map((kind) => (
            <option key={kind} value={kind}>
              {w.kinds[kind]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-deposit`}>{w.deposit}</label>
        <input id={`${prefix}-deposit`} name="depositPercent" type="number" min={1} max={99} defaultValue={plan?.depositPercent ?? 30} />
      </div>
      <div className="field checkbox">
        <input id={`${prefix}-full`} name="fullPaymentAllowed" type="checkbox" defaultChecked={plan?.fullPaymentAllowed ?? true} />
        <label htmlFor={`${prefix}-full`}>{w.fullAllowed}</label>
      </div>
    </fieldset>
  );
}

export default function BackOfficeProduct({ loaderData, actionData }: Route.ComponentProps) {
  const { product } = loaderData;
  const campaign = product.preorderCampaign;
  const [params] = useSearchParams();
  const submitting = useNavigation().state === 'submitting';
  const { locale, t, money, estimate, dateTime } = useI18n();
  const w = useWords(productWords);
  const message = !actionData && params.get('done') ? w.done[params.get('done')!] : null;
  const errorFor = (intent: string) => (actionData?.intent === intent ? actionData.error : null);
  const open = campaign && campaign.state !== 'CLOSED';
  return (
    <>
      <h1>{product.name}</h1>
      <ProductPages productId={product.id} />
      <DoneMessage message={message} />
      <dl className="facts">
        <dt>{w.facts.sku}</dt>
        <dd>{product.sku}</dd>
        <dt>{w.facts.status}</dt>
        <dd>{t.productStatus[product.status] ?? product.status}</dd>
        <dt>{w.facts.price}</dt>
        <dd>{money(product.price)}</dd>
        <dt>{w.facts.release}</dt>
        <dd>{product.releaseEstimate ? estimate(product.releaseEstimate) : w.facts.notAnnounced}</dd>
        <dt>{w.facts.orderable}</dt>
        <dd>{product.availableQuantity ?? w.facts.openEnded}</dd>
      </dl>

      <section aria-labelledby="campaign">
        <h2 id="campaign">{w.campaign.heading}</h2>
        {campaign ? (
          <p>
            <strong>{campaign.state === 'OPEN' ? w.campaign.open : campaign.state === 'SCHEDULED' ? w.campaign.scheduled : w.campaign.closed}</strong>
            {w.campaign.when(dateTime(campaign.opensAt), campaign.closesAt ? dateTime(campaign.closesAt) : null)}{' '}
            {campaign.paymentPlan ? planInWords({ ...campaign.paymentPlan, price: product.price }, locale).join(' ') : w.campaign.storeDefaultPlan}{' '}
            {campaign.limitedQuantity ? w.campaign.limited(campaign.limitedQuantity) : w.campaign.openEnded}
            {campaign.closedAt && w.campaign.closedAt(dateTime(campaign.closedAt), campaign.closeNote)}
          </p>
        ) : (
          <p>{w.campaign.none}</p>
        )}
        {!open && (
          <Form method="post" className="stacked admin-form" aria-labelledby="open-heading">
            <h3 id="open-heading">{w.openForm.heading}</h3>
            <input type="hidden" name="intent" value="open" />
            <div className="field">
              <label htmlFor="open-closes">{w.openForm.closes}</label>
              <input id="open-closes" name="closesAt" type="date" />
            </div>
            <PlanFields prefix="open" plan={campaign?.paymentPlan} />
            <div className="field">
              <label htmlFor="open-limited">{w.openForm.limited}</label>
              <input id="open-limited" name="limitedQuantity" type="number" min={1} />
            </div>
            <ApiErrorMessage message={errorFor('open')} />
            <button type="submit" disabled={submitting}>
              {w.openForm.submit}
            </button>
          </Form>
        )}
        {open && (
          <>
            <Form method="post" className="stacked admin-form" aria-labelledby="terms-heading">
              <h3 id="terms-heading">{w.termsForm.heading}</h3>
              <input type="hidden" name="intent" value="terms" />
              <div className="field">
                <label htmlFor="terms-closes">{w.termsForm.closes}</label>
                <input id="terms-closes" name="closesAt" type="date" defaultValue={campaign.closesAt?.slice(0, 10)} />
              </div>
              <PlanFields prefix="terms" plan={campaign.paymentPlan} />
              <div className="field">
                <label htmlFor="terms-limited">{w.termsForm.limited}</label>
                <input id="terms-limited" name="limitedQuantity" type="number" min={1} defaultValue={campaign.limitedQuantity ?? undefined} />
              </div>
              <div className="field">
                <label htmlFor="terms-reason">{w.termsForm.reason}</label>
                <input id="terms-reason" name="reason" required maxLength={500} />
              </div>
              <ApiErrorMessage message={errorFor('terms')} />
              <button type="submit" disabled={submitting}>
                {w.termsForm.submit}
              </button>
            </Form>
            <Form method="post" className="stacked admin-form" aria-labelledby="close-heading">
              <h3 id="close-heading">{w.closeForm.heading}</h3>
              <input type="hidden" name="intent" value="close" />
              <div className="field">
                <label htmlFor="close-reason">{w.closeForm.reason}</label>
                <select id="close-reason" name="closeReason">
                  {closeReasons.map((reason) => (
                    <option key={reason} value={reason}>
                      {w.closeForm.reasons[reason]}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="close-note">{w.closeForm.note}</label>
                <input id="close-note" name="note" required maxLength={500} />
              </div>
              <ApiErrorMessage message={errorFor('close')} />
              <button type="submit" disabled={submitting}>
                {w.closeForm.submit}
              </button>
            </Form>
          </>
        )}
      </section>

      <section aria-labelledby="release">
        <h2 id="release">{w.release.heading}</h2>
        {product.releaseDateHistory.length > 0 ? (
          <ol className="history">
            {product.releaseDateHistory.map((c) => (
              <li key={c.changedAt + c.newEstimate}>
                {c.oldEstimate ? w.release.moved(estimate(c.oldEstimate), estimate(c.newEstimate)) : w.release.set(estimate(c.newEstimate))} {c.reason}{' '}
                <span className="muted">({dateTime(c.changedAt)})</span>
              </li>
            ))}
          </ol>
        ) : (
          <p>{w.release.none}</p>
        )}
        <Form method="post" className="stacked admin-form" aria-labelledby="slip-heading">
          <h3 id="slip-heading">{w.release.heading3}</h3>
          <input type="hidden" name="intent" value="slip" />
          <div className="field">
            <label htmlFor="slip-estimate">{w.release.estimate}</label>
            <input id="slip-estimate" name="estimate" required pattern="\d{4}-\d{2}(-\d{2})?" />
          </div>
          <div className="field">
            <label htmlFor="slip-reason">{w.release.reason}</label>
            <input id="slip-reason" name="reason" required maxLength={500} />
          </div>
          <ApiErrorMessage message={errorFor('slip')} />
          <button type="submit" disabled={submitting}>
            {w.release.submit}
          </button>
        </Form>
      </section>
    </>
  );
}
