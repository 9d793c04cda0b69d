import { data as withStatus, Form, Link, redirect, useSearchParams } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import type { ClaimResolution } from '../../__generated__/app/graphql.js';
import { ApiErrorMessage } from '../components/api-error.js';
import { ReturnSendBack } from '../components/return-send-back.js';
import { EvidenceUpload } from '../components/evidence-upload.js';
import { ApiError, callApi, pageError } from '../lib/api.server.js';
import { messagesFor, metaMessages, useI18n } from '../lib/i18n.js';
import { requestLocale, ruleLanguage } from '../lib/locale.server.js';
import { requireSession } from '../lib/session.server.js';
import { field } from '../lib/sign-in.server.js';
import { refusalFor } from '../lib/refusal.server.js';
import type { Route } from './+types/claim';

const claimQuery = graphql(`
  query StorefrontClaim($id: ID!, $language: RuleLanguage!) {
    claim(id: $id) {
      id
      orderId
      kind
      severity
      description
      status
      createdAt
      submittedAt
      evidenceRequest
      parts {
        name
        category
        issue
        note
      }
      evidence {
        id
        kind
        contentType
        sizeBytes
        status
        viewUrl
      }
      offers {
        resolution
        refund {
          amount
          currency
        }
        rule {
          text(language: $language)
        }
      }
      refusal {
        text(language: $language)
      }
      resolution
      refund {
        amount
        currency
      }
      sendTo {
        ...ReturnAddressFields
      }
      sendToUnknown
      parcelReference
      returnPostage
    }
  }
`);

const submitMutation = graphql(`
  mutation StorefrontSubmitClaim($claimId: ID!) {
    submitClaim(claimId: $claimId) {
      id
      status
    }
  }
`);

const chooseMutation = graphql(`
  mutation StorefrontChooseClaimResolution($claimId: ID!, $resolution: ClaimResolution!) {
    chooseClaimResolution(claimId: $claimId, resolution: $resolution) {
      id
      status
    }
  }
`);

/** Where the customer may add files: a draft, or a claim staff sent back for more. */
const takesFiles = new Set(['DRAFT', 'NEEDS_MORE_EVIDENCE']);
const resolutions: readonly ClaimResolution[] = ['PARTIAL_REFUND', 'REPLACEMENT_PART', 'RETURN', 'EXCHANGE', 'KEEP_WITH_DISCOUNT'];

export const meta: Route.MetaFunction = ({ matches }) => [{ title: `${metaMessages(matches).order.claims} | Vitrine` }];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const session = await requireSession(request, context);
  try {
    const locale = await requestLocale(request, context);
    const { claim } = await callApi(context, claimQuery, { id: params.claimId, language: ruleLanguage(locale) }, session.accessToken);
    if (claim.orderId !== params.id) throw withStatus({ message: messagesFor(locale).errors.notFound }, { status: 404 });
    return { claim };
  } catch (err) {
    return pageError(err);
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const session = await requireSession(request, context);
  const form = await request.formData();
  const intent = field(form, 'intent');
  const here = `/orders/${params.id}/claims/${params.claimId}`;
  try {
    if (intent === 'submit') {
      await callApi(context, submitMutation, { claimId: params.claimId }, session.accessToken);
      return redirect(`${here}?submitted=1`);
    }
    const resolution = field(form, 'resolution') as ClaimResolution;
    if (intent === 'choose' && resolutions.includes(resolution)) {
      await callApi(context, chooseMutation, { claimId: params.claimId, resolution }, session.accessToken);
      return redirect(here);
    }
    return { intent, error: messagesFor(await requestLocale(request, context)).errors.failed };
  } catch (err) {
    if (err instanceof ApiError) return { intent, error: await refusalFor(request, context, err) };
    throw err;
  }
}

export default function ClaimPage({ loaderData, actionData }: Route.ComponentProps) {
  const { claim: c } = loaderData;
  const { t, locale, money, day } = useI18n();
  const [params] = useSearchParams();
  const base = `/orders/${c.orderId}/claims/${c.id}`;
  return (
    <article className="claim-page">
      <p>
        <Link to={`/orders/${c.orderId}`}>{t.claim.backToOrder}</Link>
      </p>
      <h1>{t.claim.title(t.claim.kinds[c.kind] ?? c.kind)}</h1>
      {params.get('submitted') && (
        <p className="success" role="status">
          {t.claim.submitted}
        </p>
      )}
      <p>
        <strong>{t.claim.status[c.status] ?? c.status}</strong> · {t.claim.opened(day(c.createdAt))} · {t.claim.severities[c.severity] ?? c.severity}
      </p>
      <p>{c.description}</p>
      {c.status === 'NEEDS_MORE_EVIDENCE' && c.evidenceRequest && <p className="notice">{t.claim.askedForMore(c.evidenceRequest)}</p>}
      {c.refusal && <p className="notice">{t.claim.refusedUnder(c.refusal.text)}</p>}

      <section aria-labelledby="claim-parts">
        <h2 id="claim-parts">{t.claim.parts}</h2>
        <ul>
          {c.parts.map((p, i) => (
            <li key={i}>
              {p.name ?? t.claim.categories[p.category] ?? p.category}
              {t.layout.colon}
              {t.claim.issues[p.issue] ?? p.issue}
              {p.note && <> ({p.note})</>}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="claim-evidence">
        <h2 id="claim-evidence">{t.claim.evidence}</h2>
        {c.evidence.length === 0 ? (
          <p>{t.claim.noEvidence}</p>
        ) : (
          <ul className="evidence-list">
            {c.evidence.map((e, i) => (
              <li key={e.id}>
                {/* Once received, the file links to itself (a short-lived URL) and a photo shows as a thumbnail beside its name. */}
                {e.viewUrl ? (
                  <a href={e.viewUrl} target="_blank" rel="noreferrer">
                    {t.claim.fileKind[e.kind] ?? e.kind} {i + 1}
                  </a>
                ) : (
                  <>
                    {t.claim.fileKind[e.kind] ?? e.kind} {i + 1}
                  </>
                )}{' '}
                ({e.contentType}, {t.claim.size(Math.ceil(e.sizeBytes / 1024).toLocaleString(locale))}){t.layout.colon}
                <strong>{t.claim.evidenceState[e.status] ?? e.status}</strong>
                {e.viewUrl && e.kind === 'PHOTO' && <img className="evidence-thumbnail" src={e.viewUrl} alt="" loading="lazy" />}
              </li>
            ))}
          </ul>
        )}
        {takesFiles.has(c.status) && (
          <>
            <EvidenceUpload ticketUrl={`${base}/upload`} t={t} />
            <Form method="post">
              <input type="hidden" name="intent" value="submit" />
              {actionData?.intent === 'submit' && <ApiErrorMessage message={actionData.error} />}
              <button type="submit">{t.claim.submit}</button>
            </Form>
          </>
        )}
      </section>

      {c.offers.length > 0 && (
        <section aria-labelledby="claim-offers">
          <h2 id="claim-offers">{t.claim.offers}</h2>
          {c.resolution && <p>{t.claim.chosen(t.claim.resolution[c.resolution] ?? c.resolution)}</p>}
          {/* A return chosen and not received yet: where the item goes and what to write on the parcel. */}
          {c.status === 'RESOLVING' && c.parcelReference && c.returnPostage && (
            <ReturnSendBack sendTo={c.sendTo} sendToUnknown={c.sendToUnknown} reference={c.parcelReference} postage={c.returnPostage} />
          )}
          <ul>
            {c.offers.map((o) => (
              <li key={o.resolution}>
                <strong>{t.claim.resolution[o.resolution] ?? o.resolution}</strong>
                {o.refund && (
                  <>
                    {t.layout.colon}
                    {t.claim.refundOf(money(o.refund))}
                  </>
                )}{' '}
                <span className="muted">({o.rule.text})</span>
                {c.status === 'DECIDED' && (
                  <Form method="post" className="inline">
                    <input type="hidden" name="intent" value="choose" />
                    <input type="hidden" name="resolution" value={o.resolution} />{' '}
                    <button type="submit" aria-label={`${t.claim.choose}: ${t.claim.resolution[o.resolution] ?? o.resolution}`}>
                      {t.claim.choose}
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {actionData?.intent !== 'submit' && <ApiErrorMessage message={actionData?.error} />}
    </article>
  );
}
