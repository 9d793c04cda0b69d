import { Form, useNavigation } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import { CheckFilter } from '../../components/check-filter.js';
import { DoneMessage } from '../../components/done-message.js';
import { Pager, pageQuery } from '../../components/pager.js';
import { ReturnDestination } from '../../components/return-destination.js';
import type { ClaimGrade, ClaimKind, ClaimResolution, ClaimStatus } from '../../../__generated__/app/graphql.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { ClaimSteps } from '../../components/claim-steps.js';
import { gradeWords, kindWords, resolutionWords, statusWords } from '../../lib/claim-words.js';
import { claimStep, claimStepsDone } from '../../lib/claim-steps.server.js';
import { toMinorUnits } from '../../lib/money-input.js';
import { ApiError, callApi, messageWithProblems, pageError } from '../../lib/api.server.js';
import { formatDateTime, formatEstimate, formatMoney } from '../../lib/format.js';
import { field } from '../../lib/sign-in.server.js';
import { backToPage, requireStaff } from '../../lib/staff.server.js';
import type { Route } from './+types/claims';
import { pageSizes } from '../../lib/page-sizes.js';

const claimsQuery = graphql(`
  query BackOfficeClaims($filter: ClaimQueueFilter, $first: Int, $offset: Int!) {
    claims(filter: $filter, first: $first, offset: $offset) {
      totalCount
      hasNextPage
      nextOffset
      items {
        id
        orderId
        productId
        kind
        severity
        description
        status
        submittedAt
        reviewStartedAt
        evidenceRequest
        resolution
        returnCondition
        sendTo {
          ...ReturnAddressFields
        }
        sendToUnknown
        parcelReference
        refusal {
          text
        }
        refund {
          amount
          currency
        }
        evidence {
          kind
          status
          viewUrl
        }
        refusalGrounds {
          id
          text
        }
        parts {
          name
          category
          issue
          note
        }
        gradedParts {
          category
          grade
          amount {
            amount
            currency
          }
          rule {
            text
          }
        }
        offers {
          resolution
          refund {
            amount
            currency
          }
          returnPostage
          leadTime {
            earliest
            latest
          }
          rule {
            text
          }
        }
      }
    }
  }
`);
const productCurrencyQuery = graphql(`
  query BackOfficeClaimProductCurrency($id: ID!) {
    product(id: $id) {
      price {
        currency
      }
    }
  }
`);
const reviewMutation = graphql(`
  mutation BackOfficeStartClaimReview($claimId: ID!) {
    startClaimReview(claimId: $claimId) {
      status
    }
  }
`);
const decideMutation = graphql(`
  mutation BackOfficeDecideClaim($claimId: ID!, $input: DecideClaimInput!) {
    decideClaim(claimId: $claimId, input: $input) {
      status
    }
  }
`);

const allStatuses = Object.keys(statusWords) as ClaimStatus[];
const done: Record<string, string> = {
  review: 'Taken into review.',
  decided: 'Graded: the customer has been offered what the policy allows.',
  ...claimStepsDone,
};
const allKinds = Object.keys(kindWords) as ClaimKind[];
const words = (code: string) => code.charAt(0) + code.slice(1).toLowerCase().replace(/_/g, ' ');

export const meta: Route.MetaFunction = () => [{ title: 'Claims | Back office | Vitrine' }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'aftersales:decide');
  const params = new URL(request.url).searchParams;
  const statuses = params.getAll('status').filter((s): s is ClaimStatus => allStatuses.includes(s as ClaimStatus));
  const kinds = params.getAll('kind').filter((k): k is ClaimKind => allKinds.includes(k as ClaimKind));
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  // No status picked: the API's default queue, claims waiting for staff (submitted or under review).
  const filter = { ...(statuses.length > 0 ? { statuses } : {}), ...(kinds.length > 0 ? { kinds } : {}) };
  // 20 a page: a claim's whole record (evidence, parts, offers, where a return goes) keeps the page under the gateway's
  // query cost limit (25 exceeded it once the return's destination was read).
  const { claims } = await callApi(context, claimsQuery, { filter, first: pageSizes.BackOfficeClaims, offset }, staff.accessToken).catch(pageError);
  // Amounts staff type (a part's amount, a discount) are in the claim's money: its figure's currency.
  const productIds = [...new Set(claims.items.map((c) => c.productId))];
  const prices = await Promise.all(productIds.map((id) => callApi(context, productCurrencyQuery, { id }, staff.accessToken).catch(pageError)));
  const currencies = Object.fromEntries(productIds.map((id, i) => [id, prices[i]!.product?.price.currency ?? 'USD']));
  const nextQuery = claims.hasNextPage && claims.nextOffset != null ? pageQuery(params, 'offset', String(claims.nextOffset), ['done']) : null;
  return { claims, currencies, statuses, kinds, nextQuery, done: done[params.get('done') ?? ''] ?? null };
}

export async function action({ request, context }: Route.ActionArgs) {
  const staff = await requireStaff(request, context, 'aftersales:decide');
  const form = await request.formData();
  const intent = field(form, 'intent');
  const claimId = field(form, 'claimId');
  try {
    if (intent === 'review') {
      await callApi(context, reviewMutation, { claimId }, staff.accessToken);
      return backToPage(request, 'review');
    }
    if (intent === 'decide') {
      const parts = Number(field(form, 'parts'));
      const currency = field(form, 'currency');
      const amountOf = (name: string) => {
        const typed = field(form, name);
        return typed ? toMinorUnits(typed, currency) : undefined;
      };
      // Empty: no amount (the policy's); typed but not an amount in the currency: refused here, nothing sent.
      const staffAmounts = Array.from({ length: parts }, (_, i) => amountOf(`amount-${i}`));
      const discountAmount = amountOf('discount');
      if (staffAmounts.includes(null) || discountAmount === null) return { claimId, error: `Enter amounts in ${currency}, e.g. 12.50.` };
      // An empty grade leaves the part to the policy's grading chart for its issue.
      const grades = staffAmounts.map((staffAmount, i) => {
        const grade = field(form, `grade-${i}`) as ClaimGrade | '';
        return { ...(grade ? { grade } : {}), ...(staffAmount !== undefined ? { staffAmount } : {}) };
      });
      const resolutions = form.getAll('resolution').filter((r): r is ClaimResolution => typeof r === 'string' && r in resolutionWords);
      const note = field(form, 'note');
      await callApi(
        context,
        decideMutation,
        {
          claimId,
          input: {
            grades,
            studioHasParts: form.get('studioHasParts') === 'on',
            ...(resolutions.length > 0 ? { resolutions } : {}),
            ...(discountAmount != null ? { discountAmount } : {}),
            ...(note ? { note } : {}),
          },
        },
        staff.accessToken,
      );
      return backToPage(request, 'decided');
    }
    const step = await claimStep(context, staff.accessToken, intent, form);
    if (step) return backToPage(request, step);
    return { claimId, error: 'This form is out of date. Please reload the page.' };
  } catch (err) {
    if (err instanceof ApiError) return { claimId, error: messageWithProblems(err) };
    throw err;
  }
}

type QueuedClaim = Route.ComponentProps['loaderData']['claims']['items'][number];

/**
 * The claim's files as the grader judges them: photos inline (each a link to the full size), videos as links, through
 * after-sales' short-lived read URLs (10 minutes by default: reload the page after that). A file not received yet
 * has no URL.
 */
function EvidenceFiles({ claim }: { claim: QueuedClaim }) {
  const viewable = claim.evidence.filter((e) => e.viewUrl);
  if (viewable.length === 0) return null;
  const concerns = claim.parts.map((p) => `${p.name ?? words(p.category)} (${words(p.issue).toLowerCase()})`).join(', ');
  return (
    <ul className="evidence-files" aria-label={`Evidence of the claim on order ${claim.orderId.slice(0, 8)}`}>
      {viewable.map((e, i) => {
        const name = `${words(e.kind)} ${i + 1} of ${viewable.length}: ${kindWords[claim.kind].toLowerCase()}, ${concerns}`;
        return (
          <li key={e.viewUrl}>
            {e.kind === 'PHOTO' ? (
              <a href={e.viewUrl!} target="_blank" rel="noreferrer">
                <img src={e.viewUrl!} alt={name} loading="lazy" />
              </a>
            ) : (
              <a href={e.viewUrl!} target="_blank" rel="noreferrer">
                Watch {name}
              </a>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export default function BackOfficeClaims({ loaderData, actionData }: Route.ComponentProps) {
  const { claims, currencies, statuses, kinds } = loaderData;
  const message = actionData ? null : loaderData.done;
  const submitting = useNavigation().state === 'submitting';
  return (
    <>
      <h1>Claims</h1>
      <DoneMessage message={message} />
      <Form method="get" className="filters">
        <CheckFilter legend="Status (none ticked: waiting for staff)" name="status" values={allStatuses} words={statusWords} checked={statuses} />
        <CheckFilter legend="Kind (none ticked: every kind)" name="kind" values={allKinds} words={kindWords} checked={kinds} />
        <button type="submit">Show claims</button>
      </Form>
      <h2>
        {claims.totalCount} claim{claims.totalCount === 1 ? '' : 's'}, oldest first
      </h2>
      <ul className="orders">
        {claims.items.map((c) => (
          <li key={c.id} className="order-card">
            <article aria-labelledby={`claim-${c.id}`}>
              <h3 id={`claim-${c.id}`}>
                {kindWords[c.kind]} · {statusWords[c.status]}
              </h3>
              <p>
                Order {c.orderId.slice(0, 8)} · severity {words(c.severity)}
                {c.submittedAt && <> · submitted {formatDateTime(c.submittedAt)}</>}
                {c.reviewStartedAt && <> · in review since {formatDateTime(c.reviewStartedAt)}</>}
              </p>
              <blockquote>{c.description}</blockquote>
              <p>
                Evidence:{' '}
                {c.evidence.length === 0
                  ? 'none'
                  : c.evidence.map((e) => `${words(e.kind)} (${e.status === 'CONFIRMED' ? 'received' : 'not received yet'})`).join(', ')}
                {c.evidenceRequest && <> · more asked: “{c.evidenceRequest}”</>}
              </p>
              <EvidenceFiles claim={c} />
              {c.refusal && <p>Refused: {c.refusal.text}</p>}
              {c.resolution && (
                <p>
                  The customer chose: {resolutionWords[c.resolution]}
                  {c.refund && <>, {formatMoney(c.refund)} back</>}
                  {c.returnCondition && <> · returned {c.returnCondition === 'PERFECT_UNUSED' ? 'perfect, unused' : 'used or damaged'}</>}
                </p>
              )}
              {c.parcelReference && <ReturnDestination sendTo={c.sendTo} sendToUnknown={c.sendToUnknown} parcelReference={c.parcelReference} />}
              <ol className="parts">
                {c.parts.map((p, i) => (
                  <li key={i}>
                    {p.name ?? words(p.category)}: {words(p.issue)}
                    {p.note && <span className="muted"> ({p.note})</span>}
                  </li>
                ))}
              </ol>
              {c.gradedParts.length > 0 && (
                <section aria-label="Compensation">
                  <h4>Compensation by the policy</h4>
                  <ul>
                    {c.gradedParts.map((g, i) => (
                      <li key={i}>
                        {words(g.category)}: graded {words(g.grade)}, {g.amount ? formatMoney(g.amount) : 'no amount'}{' '}
                        <span className="muted">({g.rule.text})</span>
                      </li>
                    ))}
                  </ul>
                  <h4>Offered to the customer</h4>
                  <ul>
                    {c.offers.map((o) => (
                      <li key={o.resolution}>
                        {resolutionWords[o.resolution]}
                        {o.refund && <>: {formatMoney(o.refund)} back</>}
                        {o.returnPostage && <> (return postage: {words(o.returnPostage)})</>}
                        {o.leadTime?.earliest && o.leadTime.latest && (
                          <>
                            {' '}
                            (arrives {formatEstimate(o.leadTime.earliest)} to {formatEstimate(o.leadTime.latest)})
                          </>
                        )}
                      </li>
                    ))}
                  </ul>
                </section>
              )}
              {actionData?.claimId === c.id && <ApiErrorMessage message={actionData.error} />}
              {c.status === 'SUBMITTED' && (
                <Form method="post">
                  <input type="hidden" name="intent" value="review" />
                  <input type="hidden" name="claimId" value={c.id} />
                  <button type="submit" disabled={submitting} aria-label={`Take into review: ${kindWords[c.kind]}, order ${c.orderId.slice(0, 8)}`}>
                    Take into review
                  </button>
                </Form>
              )}
              {(c.status === 'SUBMITTED' || c.status === 'UNDER_REVIEW') && (
                <Form method="post" className="stacked admin-form" aria-label={`Grade the claim on order ${c.orderId.slice(0, 8)}`}>
                  <input type="hidden" name="intent" value="decide" />
                  <input type="hidden" name="claimId" value={c.id} />
                  <input type="hidden" name="parts" value={c.parts.length} />
                  <input type="hidden" name="currency" value={currencies[c.productId]} />
                  {c.parts.map((p, i) => (
                    <div className="inline-fields" key={i}>
                      <div className="field">
                        <label htmlFor={`grade-${c.id}-${i}`}>
                          Grade of {p.name ?? words(p.category)} ({words(p.issue)})
                        </label>
                        <select id={`grade-${c.id}-${i}`} name={`grade-${i}`} defaultValue="">
                          <option value="">By the policy’s chart for this issue</option>
                          {gradeWords.map(([grade, label]) => (
                            <option key={grade} value={grade}>
                              {label}
                            </option>
                          ))}
                        </select>
                      </div>
                      <div className="field">
                        <label htmlFor={`amount-${c.id}-${i}`}>Its amount ({currencies[c.productId]}; only where staff decide)</label>
                        <input id={`amount-${c.id}-${i}`} name={`amount-${i}`} inputMode="decimal" />
                      </div>
                    </div>
                  ))}
                  <fieldset>
                    <legend>Resolutions to offer (none ticked: all the policy allows)</legend>
                    {(Object.keys(resolutionWords) as ClaimResolution[]).map((r) => (
                      <div className="choice" key={r}>
                        <input type="checkbox" id={`resolution-${c.id}-${r}`} name="resolution" value={r} />
                        <label htmlFor={`resolution-${c.id}-${r}`}>{resolutionWords[r]}</label>
                      </div>
                    ))}
                  </fieldset>
                  <div className="field">
                    <label htmlFor={`discount-${c.id}`}>Discount to keep it ({currencies[c.productId]}; where the policy leaves it to staff)</label>
                    <input id={`discount-${c.id}`} name="discount" inputMode="decimal" />
                  </div>
                  <div className="field checkbox">
                    <input type="checkbox" id={`parts-${c.id}`} name="studioHasParts" defaultChecked />
                    <label htmlFor={`parts-${c.id}`}>The studio has replacement parts in stock</label>
                  </div>
                  <div className="field">
                    <label htmlFor={`note-${c.id}`}>Note for the audit (optional)</label>
                    <input id={`note-${c.id}`} name="note" maxLength={1000} />
                  </div>
                  <button type="submit" disabled={submitting}>
                    Grade and offer
                  </button>
                </Form>
              )}
              <ClaimSteps claim={c} submitting={submitting} />
            </article>
          </li>
        ))}
      </ul>
      <Pager next={loaderData.nextQuery} nextLabel="Next claims" />
    </>
  );
}
