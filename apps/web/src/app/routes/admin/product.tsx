import { Form, useNavigation, useSearchParams } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import { DoneMessage } from '../../components/done-message.js';
import { ProductPages } from '../../components/product-pages.js';
import type { PaymentPlanInput, PaymentPlanKind, PreorderCloseReason } from '../../../__generated__/app/graphql.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { ApiError, callApi, pageError } from '../../lib/api.server.js';
import { formatDateTime, formatEstimate, formatMoney, productStatusWords } from '../../lib/format.js';
import { planInWords } from '../../lib/payment-plan.js';
import { field } from '../../lib/sign-in.server.js';
import { backToPage, requireStaff } from '../../lib/staff.server.js';
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

const planKinds: [PaymentPlanKind, string][] = [
  ['DEPOSIT', 'A deposit at order, the balance on release'],
  ['FULL_PAYMENT', 'Paid in full at order'],
  ['PAY_ON_ARRIVAL', 'Paid when it arrives at our warehouse'],
  ['CHARGE_AT_SHIP', 'Charged on the shipping day'],
];
const closeReasons: [PreorderCloseReason, string][] = [
  ['SOLD_OUT', 'The limited run sold out'],
  ['MAKER_REQUEST', 'The maker asked to stop'],
  ['STORE_DECISION', 'The store’s decision'],
];
const done: Record<string, string> = {
  created: 'The product was added.',
  open: 'Preorders are open.',
  terms: 'The campaign’s terms were changed.',
  close: 'Preorders were closed.',
  slip: 'The release date was moved.',
};

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.product.name ?? 'Product'} | Back office | Vitrine` }];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'catalog:write');
  const { product } = await callApi(context, productQuery, { id: params.id }, staff.accessToken).catch(pageError);
  if (!product) throw pageError(new ApiError('There is no product with this id.', 'NOT_FOUND'));
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
  if (field(form, 'closesAt') && !closesAt) return { intent, error: 'Pick the closing day.' };
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
      return { intent, error: 'This form is out of date. Please reload the page.' };
    }
  } catch (err) {
    if (err instanceof ApiError) return { intent, error: err.message };
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
  return (
    <fieldset>
      <legend>Payment plan</legend>
      <div className="field">
        <label htmlFor={`${prefix}-plan`}>Plan</label>
        <select id={`${prefix}-plan`} name="planKind" defaultValue={plan?.kind ?? ''}>
          <option value="">The store’s default plan</option>
          {planKinds.map(([kind, words]) => (
            <option key={kind} value={kind}>
              {words}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-deposit`}>Deposit (% of the price, deposit plan only)</label>
        <input id={`${prefix}-deposit`} name="depositPercent" type="number" min={1} max={99} defaultValue={plan?.depositPercent ?? 30} />
      </div>
      <div className="field checkbox">
        <input id={`${prefix}-full`} name="fullPaymentAllowed" type="checkbox" defaultChecked={plan?.fullPaymentAllowed ?? true} />
        <label htmlFor={`${prefix}-full`}>The customer may pay it all at order instead (deposit plan only)</label>
      </div>
    </fieldset>
  );
}

export default function BackOfficeProduct({ loaderData, actionData }: Route.ComponentProps) {
  const { product } = loaderData;
  const campaign = product.preorderCampaign;
  const [params] = useSearchParams();
  const submitting = useNavigation().state === 'submitting';
  const message = !actionData && params.get('done') ? done[params.get('done')!] : null;
  const errorFor = (intent: string) => (actionData?.intent === intent ? actionData.error : null);
  const open = campaign && campaign.state !== 'CLOSED';
  return (
    <>
      <h1>{product.name}</h1>
      <ProductPages productId={product.id} />
      <DoneMessage message={message} />
      <dl className="facts">
        <dt>SKU</dt>
        <dd>{product.sku}</dd>
        <dt>Status</dt>
        <dd>{productStatusWords(product.status)}</dd>
        <dt>Price</dt>
        <dd>{formatMoney(product.price)}</dd>
        <dt>Release</dt>
        <dd>{product.releaseEstimate ? formatEstimate(product.releaseEstimate) : 'Not announced'}</dd>
        <dt>Can be ordered</dt>
        <dd>{product.availableQuantity ?? 'Open-ended'}</dd>
      </dl>

      <section aria-labelledby="campaign">
        <h2 id="campaign">Preorder campaign</h2>
        {campaign ? (
          <p>
            <strong>{campaign.state === 'OPEN' ? 'Open' : campaign.state === 'SCHEDULED' ? 'Scheduled' : 'Closed'}</strong>: opens{' '}
            {formatDateTime(campaign.opensAt)}, {campaign.closesAt ? `closes ${formatDateTime(campaign.closesAt)}` : 'open until staff close it'}.{' '}
            {campaign.paymentPlan ? planInWords({ ...campaign.paymentPlan, price: product.price }).join(' ') : 'The store’s default plan.'}{' '}
            {campaign.limitedQuantity ? `Limited run of ${campaign.limitedQuantity}.` : 'Open-ended run.'}
            {campaign.closedAt && ` Closed ${formatDateTime(campaign.closedAt)}${campaign.closeNote ? `: ${campaign.closeNote}` : ''}.`}
          </p>
        ) : (
          <p>No preorder campaign yet.</p>
        )}
        {!open && (
          <Form method="post" className="stacked admin-form" aria-labelledby="open-heading">
            <h3 id="open-heading">Open preorders now</h3>
            <input type="hidden" name="intent" value="open" />
            <div className="field">
              <label htmlFor="open-closes">Closing day (orders until the end of the day, UTC)</label>
              <input id="open-closes" name="closesAt" type="date" />
            </div>
            <PlanFields prefix="open" plan={campaign?.paymentPlan} />
            <div className="field">
              <label htmlFor="open-limited">Limited run (units; empty: the product’s)</label>
              <input id="open-limited" name="limitedQuantity" type="number" min={1} />
            </div>
            <ApiErrorMessage message={errorFor('open')} />
            <button type="submit" disabled={submitting}>
              Open preorders
            </button>
          </Form>
        )}
        {open && (
          <>
            <Form method="post" className="stacked admin-form" aria-labelledby="terms-heading">
              <h3 id="terms-heading">Change the terms</h3>
              <input type="hidden" name="intent" value="terms" />
              <div className="field">
                <label htmlFor="terms-closes">Closing day (empty: until staff close it)</label>
                <input id="terms-closes" name="closesAt" type="date" defaultValue={campaign.closesAt?.slice(0, 10)} />
              </div>
              <PlanFields prefix="terms" plan={campaign.paymentPlan} />
              <div className="field">
                <label htmlFor="terms-limited">Limited run (units; empty: open-ended)</label>
                <input id="terms-limited" name="limitedQuantity" type="number" min={1} defaultValue={campaign.limitedQuantity ?? undefined} />
              </div>
              <div className="field">
                <label htmlFor="terms-reason">Why (customers and the audit log read it)</label>
                <input id="terms-reason" name="reason" required maxLength={500} />
              </div>
              <ApiErrorMessage message={errorFor('terms')} />
              <button type="submit" disabled={submitting}>
                Change the terms
              </button>
            </Form>
            <Form method="post" className="stacked admin-form" aria-labelledby="close-heading">
              <h3 id="close-heading">Close preorders early</h3>
              <input type="hidden" name="intent" value="close" />
              <div className="field">
                <label htmlFor="close-reason">Reason</label>
                <select id="close-reason" name="closeReason">
                  {closeReasons.map(([reason, words]) => (
                    <option key={reason} value={reason}>
                      {words}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="close-note">Note shown to customers</label>
                <input id="close-note" name="note" required maxLength={500} />
              </div>
              <ApiErrorMessage message={errorFor('close')} />
              <button type="submit" disabled={submitting}>
                Close preorders now
              </button>
            </Form>
          </>
        )}
      </section>

      <section aria-labelledby="release">
        <h2 id="release">Release date</h2>
        {product.releaseDateHistory.length > 0 ? (
          <ol className="history">
            {product.releaseDateHistory.map((c) => (
              <li key={c.changedAt + c.newEstimate}>
                {c.oldEstimate ? `Moved from ${formatEstimate(c.oldEstimate)} to ${formatEstimate(c.newEstimate)}` : `Set to ${formatEstimate(c.newEstimate)}`}:{' '}
                {c.reason} <span className="muted">({formatDateTime(c.changedAt)})</span>
              </li>
            ))}
          </ol>
        ) : (
          <p>No release date yet.</p>
        )}
        <Form method="post" className="stacked admin-form" aria-labelledby="slip-heading">
          <h3 id="slip-heading">Move the release date</h3>
          <input type="hidden" name="intent" value="slip" />
          <div className="field">
            <label htmlFor="slip-estimate">New estimate (YYYY-MM or YYYY-MM-DD)</label>
            <input id="slip-estimate" name="estimate" required pattern="\d{4}-\d{2}(-\d{2})?" />
          </div>
          <div className="field">
            <label htmlFor="slip-reason">Reason (customers read it)</label>
            <input id="slip-reason" name="reason" required maxLength={500} />
          </div>
          <ApiErrorMessage message={errorFor('slip')} />
          <button type="submit" disabled={submitting}>
            Move the release date
          </button>
        </Form>
      </section>
    </>
  );
}
