import { Form, useNavigation } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import { CheckFilter } from '../../components/check-filter.js';
import { DoneMessage } from '../../components/done-message.js';
import { Pager, pageQuery } from '../../components/pager.js';
import { ReturnDestination } from '../../components/return-destination.js';
import type { ClaimGrade, ClaimKind, ClaimResolution, ClaimStatus } from '../../../__generated__/app/graphql.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { ClaimSteps } from '../../components/claim-steps.js';
import { sectionMeta } from '../../lib/back-office-meta.js';
import { claimWords } from '../../lib/claim-words.js';
import { claimStep, claimStepsDone, type ClaimStepDone } from '../../lib/claim-steps.server.js';
import { toMinorUnits } from '../../lib/money-input.js';
import { ApiError, callApi, pageError } from '../../lib/api.server.js';
import { useI18n, useWords, wordsIn } from '../../lib/i18n.js';
import { requestLocale, ruleLanguage } from '../../lib/locale.server.js';
import { backOfficeWords } from '../../lib/messages/admin/back-office.js';
import { claimStepsWords } from '../../lib/messages/admin/claim-steps.js';
import { claimsWords } from '../../lib/messages/admin/claims.js';
import { refusalFor } from '../../lib/refusal.server.js';
import { field } from '../../lib/sign-in.server.js';
import { backToPage, formOutOfDate, requireStaff } from '../../lib/staff.server.js';
import type { Route } from './+types/claims';
import { pageSizes } from '../../lib/page-sizes.js';

const claimsQuery = graphql(`
  query BackOfficeClaims($filter: ClaimQueueFilter, $first: Int, $offset: Int!, $language: RuleLanguage!) {
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
          text(language: $language)
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
          text(language: $language)
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
            text(language: $language)
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
            text(language: $language)
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

const allStatuses = Object.keys(claimWords.en.status) as ClaimStatus[];
const allResolutions = Object.keys(claimWords.en.resolution) as ClaimResolution[];
/** What a `?done=` says was done: the page's own steps and ClaimSteps'. */
type Done = 'review' | 'decided' | ClaimStepDone;
const doneCodes: readonly string[] = ['review', 'decided', ...claimStepsDone];
const allKinds = Object.keys(claimWords.en.kind) as ClaimKind[];

export const meta: Route.MetaFunction = (args) => sectionMeta(args, 'claims');

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
  const { claims } = await callApi(
    context,
    claimsQuery,
    { filter, first: pageSizes.BackOfficeClaims, offset, language: ruleLanguage(await requestLocale(request, context)) },
    staff.accessToken,
  ).catch(pageError);
  // Amounts staff type (a part's amount, a discount) are in the claim's money: its figure's currency.
  const productIds = [...new Set(claims.items.map((c) => c.productId))];
  const prices = await Promise.all(productIds.map((id) => callApi(context, productCurrencyQuery, { id }, staff.accessToken).catch(pageError)));
  const currencies = Object.fromEntries(productIds.map((id, i) => [id, prices[i]!.product?.price.currency ?? 'USD']));
  const nextQuery = claims.hasNextPage && claims.nextOffset != null ? pageQuery(params, 'offset', String(claims.nextOffset), ['done']) : null;
  const done = params.get('done') ?? '';
  return { claims, currencies, statuses, kinds, nextQuery, done: doneCodes.includes(done) ? (done as Done) : null };
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
      const locale = await requestLocale(request, context);
      const amountOf = (name: string) => {
        const typed = field(form, name);
        return typed ? toMinorUnits(typed, currency, locale) : undefined;
      };
      // Empty: no amount (the policy's); typed but not an amount in the currency: refused here, nothing sent.
      const staffAmounts = Array.from({ length: parts }, (_, i) => amountOf(`amount-${i}`));
      const discountAmount = amountOf('discount');
      if (staffAmounts.includes(null) || discountAmount === null) return { claimId, error: wordsIn(claimsWords, locale).amounts(currency) };
      // An empty grade leaves the part to the policy's grading chart for its issue.
      const grades = staffAmounts.map((staffAmount, i) => {
        const grade = field(form, `grade-${i}`) as ClaimGrade | '';
        return { ...(grade ? { grade } : {}), ...(staffAmount !== undefined ? { staffAmount } : {}) };
      });
      const resolutions = form.getAll('resolution').filter((r): r is ClaimResolution => typeof r === 'string' && r in claimWords.en.resolution);
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
    return { claimId, error: await formOutOfDate(request, context) };
  } catch (err) {
    if (err instanceof ApiError) return { claimId, error: await refusalFor(request, context, err, { withProblems: true }) };
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
  const w = useWords(claimsWords);
  const code = useWords(claimWords);
  const viewable = claim.evidence.filter((e) => e.viewUrl);
  if (viewable.length === 0) return null;
  const concerns = claim.parts.map((p) => `${p.name ?? code.category(p.category)} (${code.issue(p.issue).toLowerCase()})`).join(', ');
  return (
    <ul className="evidence-files" aria-label={w.evidenceOf(claim.orderId.slice(0, 8))}>
      {viewable.map((e, i) => {
        const name = w.evidenceName(code.evidenceKind(e.kind), i + 1, viewable.length, code.kind[claim.kind].toLowerCase(), concerns);
        return (
          <li key={e.viewUrl}>
            {e.kind === 'PHOTO' ? (
              <a href={e.viewUrl!} target="_blank" rel="noreferrer">
                <img src={e.viewUrl!} alt={name} loading="lazy" />
              </a>
            ) : (
              <a href={e.viewUrl!} target="_blank" rel="noreferrer">
                {w.watch(name)}
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
  const { money, dateTime, estimate } = useI18n();
  const w = useWords(claimsWords);
  const code = useWords(claimWords);
  const frame = useWords(backOfficeWords);
  const done: Record<Done, string> = { ...w.done, ...useWords(claimStepsWords).done };
  const message = actionData || !loaderData.done ? null : done[loaderData.done];
  const submitting = useNavigation().state === 'submitting';
  return (
    <>
      <h1>{frame.sections.claims.title}</h1>
      <DoneMessage message={message} />
      <Form method="get" className="filters">
        <CheckFilter legend={w.statusLegend} name="status" values={allStatuses} words={code.status} checked={statuses} />
        <CheckFilter legend={w.kindLegend} name="kind" values={allKinds} words={code.kind} checked={kinds} />
        <button type="submit">{w.show}</button>
      </Form>
      <h2>{w.count(claims.totalCount)}</h2>
      <ul className="orders">
        {claims.items.map((c) => (
          <li key={c.id} className="order-card">
            <article aria-labelledby={`claim-${c.id}`}>
              <h3 id={`claim-${c.id}`}>
                {code.kind[c.kind]} · {code.status[c.status]}
              </h3>
              <p>
                {w.order(c.orderId.slice(0, 8), code.severity(c.severity))}
                {c.submittedAt && w.submitted(dateTime(c.submittedAt))}
                {c.reviewStartedAt && w.inReviewSince(dateTime(c.reviewStartedAt))}
              </p>
              <blockquote>{c.description}</blockquote>
              <p>
                {w.evidence}
                {c.evidence.length === 0 ? w.noEvidence : c.evidence.map((e) => w.evidenceFile(code.evidenceKind(e.kind), e.status === 'CONFIRMED')).join(', ')}
                {c.evidenceRequest && w.moreAsked(c.evidenceRequest)}
              </p>
              <EvidenceFiles claim={c} />
              {c.refusal && <p>{w.refused(c.refusal.text)}</p>}
              {c.resolution && (
                <p>
                  {w.customerChose(code.resolution[c.resolution])}
                  {c.refund && w.chosenRefund(money(c.refund))}
                  {c.returnCondition && w.returned(c.returnCondition === 'PERFECT_UNUSED')}
                </p>
              )}
              {c.parcelReference && <ReturnDestination sendTo={c.sendTo} sendToUnknown={c.sendToUnknown} parcelReference={c.parcelReference} />}
              <ol className="parts">
                {c.parts.map((p, i) => (
                  <li key={i}>
                    {w.part(p.name ?? code.category(p.category), code.issue(p.issue))}
                    {p.note && <span className="muted"> ({p.note})</span>}
                  </li>
                ))}
              </ol>
              {c.gradedParts.length > 0 && (
                <section aria-label={w.compensation}>
                  <h4>{w.compensationByPolicy}</h4>
                  <ul>
                    {c.gradedParts.map((g, i) => (
                      <li key={i}>
                        {w.graded(code.category(g.category), code.grade(g.grade), g.amount ? money(g.amount) : w.noAmount)}{' '}
                        <span className="muted">({g.rule.text})</span>
                      </li>
                    ))}
                  </ul>
                  <h4>{w.offered}</h4>
                  <ul>
                    {c.offers.map((o) => (
                      <li key={o.resolution}>
                        {code.resolution[o.resolution]}
                        {o.refund && w.offerRefund(money(o.refund))}
                        {o.returnPostage && w.returnPostage(code.postage(o.returnPostage))}
                        {o.leadTime?.earliest && o.leadTime.latest && <> {w.arrives(estimate(o.leadTime.earliest), estimate(o.leadTime.latest))}</>}
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
                  <button type="submit" disabled={submitting} aria-label={w.takeIntoReviewLabel(code.kind[c.kind], c.orderId.slice(0, 8))}>
                    {w.takeIntoReview}
                  </button>
                </Form>
              )}
              {(c.status === 'SUBMITTED' || c.status === 'UNDER_REVIEW') && (
                <Form method="post" className="stacked admin-form" aria-label={w.gradeForm(c.orderId.slice(0, 8))}>
                  <input type="hidden" name="intent" value="decide" />
                  <input type="hidden" name="claimId" value={c.id} />
                  <input type="hidden" name="parts" value={c.parts.length} />
                  <input type="hidden" name="currency" value={currencies[c.productId]} />
                  {c.parts.map((p, i) => (
                    <div className="inline-fields" key={i}>
                      <div className="field">
                        <label htmlFor={`grade-${c.id}-${i}`}>{w.gradeOf(p.name ?? code.category(p.category), code.issue(p.issue))}</label>
                        <select id={`grade-${c.id}-${i}`} name={`grade-${i}`} defaultValue="">
                          <option value="">{w.byChart}</option>
                          {code.grades.map(([grade, label]) => (
                            <option key={grade} value={grade}>
                              {label}
                            </option>
                          ))}
                        </select>
                      </div>
                      <div className="field">
                        <label htmlFor={`amount-${c.id}-${i}`}>{w.itsAmount(currencies[c.productId]!)}</label>
                        <input id={`amount-${c.id}-${i}`} name={`amount-${i}`} inputMode="decimal" />
                      </div>
                    </div>
                  ))}
                  <fieldset>
                    <legend>{w.resolutionsLegend}</legend>
                    {allResolutions.map((r) => (
                      <div className="choice" key={r}>
                        <input type="checkbox" id={`resolution-${c.id}-${r}`} name="resolution" value={r} />
                        <label htmlFor={`resolution-${c.id}-${r}`}>{code.resolution[r]}</label>
                      </div>
                    ))}
                  </fieldset>
                  <div className="field">
                    <label htmlFor={`discount-${c.id}`}>{w.discount(currencies[c.productId]!)}</label>
                    <input id={`discount-${c.id}`} name="discount" inputMode="decimal" />
                  </div>
                  <div className="field checkbox">
                    <input type="checkbox" id={`parts-${c.id}`} name="studioHasParts" defaultChecked />
                    <label htmlFor={`parts-${c.id}`}>{w.studioHasParts}</label>
                  </div>
                  <div className="field">
                    <label htmlFor={`note-${c.id}`}>{w.auditNote}</label>
                    <input id={`note-${c.id}`} name="note" maxLength={1000} />
                  </div>
                  <button type="submit" disabled={submitting}>
                    {w.gradeAndOffer}
                  </button>
                </Form>
              )}
              <ClaimSteps claim={c} submitting={submitting} />
            </article>
          </li>
        ))}
      </ul>
      <Pager next={loaderData.nextQuery} nextLabel={w.next} />
    </>
  );
}
