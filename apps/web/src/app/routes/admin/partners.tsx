import { Form, Link, useNavigation } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { DoneMessage } from '../../components/done-message.js';
import { Pager, pageQuery } from '../../components/pager.js';
import { ApiError, callApi, pageError } from '../../lib/api.server.js';
import { sectionMeta } from '../../lib/back-office-meta.js';
import { useI18n, useWords, wordsIn } from '../../lib/i18n.js';
import { requestLocale } from '../../lib/locale.server.js';
import { backOfficeWords } from '../../lib/messages/admin/back-office.js';
import { partnersWords } from '../../lib/messages/admin/partners.js';
import { refusalFor } from '../../lib/refusal.server.js';
import { field } from '../../lib/sign-in.server.js';
import { backToPage, formOutOfDate, requireStaff } from '../../lib/staff.server.js';
import type { Route } from './+types/partners';
import { pageSizes } from '../../lib/page-sizes.js';

const partnersQuery = graphql(`
  query BackOfficePartners {
    partners {
      id
      name
      webhookUrl
      eventTypes
      enabled
      disabledReason
      previousSecretUntil
      createdAt
      removedAt
    }
  }
`);
const deliveriesQuery = graphql(`
  query BackOfficePartnerDeliveries($partnerId: ID!, $first: Int!, $after: String) {
    partnerDeliveriesConnection(partnerId: $partnerId, first: $first, after: $after) {
      edges {
        node {
          id
          eventId
          eventType
          subject
          status
          cancelledReason
          attemptCount
          replayOf
          createdAt
          deliveredAt
          attempts {
            attemptedAt
            statusCode
            error
            latencyMs
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
const replayMutation = graphql(`
  mutation BackOfficeReplayPartnerEvents($partnerId: ID!, $since: DateTimeISO, $afterEventId: ID) {
    replayPartnerEvents(partnerId: $partnerId, since: $since, afterEventId: $afterEventId)
  }
`);
const enableMutation = graphql(`
  mutation BackOfficeEnablePartner($id: ID!) {
    enablePartnerEndpoint(id: $id) {
      enabled
    }
  }
`);

const deliveriesPerPage = pageSizes.BackOfficePartnerDeliveries;

export const meta: Route.MetaFunction = (args) => sectionMeta(args, 'partners');

export async function loader({ request, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'notifications:write');
  const params = new URL(request.url).searchParams;
  const { partners } = await callApi(context, partnersQuery, {}, staff.accessToken).catch(pageError);
  // Removed partners stay listed (as removed) so their delivery logs can be read; the first one still active is shown by default.
  const chosen = partners.find((p) => p.id === params.get('partner')) ?? partners.find((p) => !p.removedAt) ?? partners[0] ?? null;
  // The log by pages, newest first ("Older deliveries" follows notifications' cursor); a done notice is not carried over.
  const log = chosen
    ? (
        await callApi(context, deliveriesQuery, { partnerId: chosen.id, first: deliveriesPerPage, after: params.get('after') }, staff.accessToken).catch(
          pageError,
        )
      ).partnerDeliveriesConnection
    : null;
  const deliveries = log?.edges.map((e) => e.node) ?? [];
  const notices = ['done', 'replayed'];
  const nextQuery = log?.pageInfo.hasNextPage ? pageQuery(params, 'after', log.pageInfo.endCursor ?? null, notices) : null;
  const firstQuery = params.has('after') ? pageQuery(params, 'after', null, notices) : null;
  // What was done, worded by the page: how many events were queued again, or the endpoint enabled again.
  const replayed = params.get('replayed');
  const done = replayed !== null ? { replayed } : params.get('done') === 'enabled' ? { replayed: null } : null;
  return { partners, chosen, deliveries, nextQuery, firstQuery, done };
}

export async function action({ request, context }: Route.ActionArgs) {
  const staff = await requireStaff(request, context, 'notifications:write');
  const form = await request.formData();
  const intent = field(form, 'intent');
  const partnerId = field(form, 'partnerId');
  const w = wordsIn(partnersWords, await requestLocale(request, context));
  try {
    if (intent === 'replay') {
      // The form's moment is typed in UTC (as the page shows times); an event id replays what came after it.
      const typed = field(form, 'since');
      const since = typed ? new Date(`${typed}:00Z`) : null;
      if (since && Number.isNaN(since.getTime())) return { intent, error: w.momentAsDateTime };
      const afterEventId = field(form, 'afterEventId') || null;
      const { replayPartnerEvents } = await callApi(
        context,
        replayMutation,
        { partnerId, since: since?.toISOString() ?? null, afterEventId },
        staff.accessToken,
      );
      const url = new URL(request.url);
      url.searchParams.set('partner', partnerId);
      url.searchParams.delete('done');
      url.searchParams.delete('after');
      url.searchParams.set('replayed', String(replayPartnerEvents));
      return backToPage(new Request(url), 'replayed');
    }
    if (intent === 'enable') {
      await callApi(context, enableMutation, { id: partnerId }, staff.accessToken);
      return backToPage(request, 'enabled');
    }
    return { intent, error: await formOutOfDate(request, context) };
  } catch (err) {
    if (err instanceof ApiError) return { intent, error: await refusalFor(request, context, err, { withProblems: true }) };
    throw err;
  }
}

export default function BackOfficePartners({ loaderData, actionData }: Route.ComponentProps) {
  const { partners, chosen, deliveries, nextQuery, firstQuery, done } = loaderData;
  const { dateTime } = useI18n();
  const w = useWords(partnersWords);
  const frame = useWords(backOfficeWords);
  const submitting = useNavigation().state === 'submitting';
  return (
    <>
      <h1>{frame.sections.partners.title}</h1>
      <DoneMessage message={actionData || !done ? null : done.replayed !== null ? w.replayed(done.replayed) : w.enabled} />
      <p>
        <Link to="/admin/partners/new">{w.register}</Link>
      </p>
      {partners.length === 0 && <p>{w.noPartner}</p>}
      <ul className="orders">
        {partners.map((p) => (
          <li key={p.id} className="order-card">
            <article aria-labelledby={`partner-${p.id}`}>
              <h2 id={`partner-${p.id}`}>
                {p.name}{' '}
                {p.removedAt ? (
                  <span className="badge badge-late">{w.removedBadge}</span>
                ) : p.enabled ? (
                  <span className="badge">{w.enabledBadge}</span>
                ) : (
                  <span className="badge badge-late">{w.disabledBadge}</span>
                )}
              </h2>
              {p.removedAt ? (
                <p>
                  {w.removedBefore(dateTime(p.removedAt))}
                  <code>{p.webhookUrl}</code>
                  {w.removedAfter(dateTime(p.createdAt))}
                </p>
              ) : (
                <p>
                  {w.sendsTo}
                  <code>{p.webhookUrl}</code>
                  {w.since(dateTime(p.createdAt))}
                  {p.previousSecretUntil && w.previousSecret(dateTime(p.previousSecretUntil))}
                </p>
              )}
              <p>{w.subscribedTo(p.eventTypes.join(', '))}</p>
              {!p.enabled && !p.removedAt && (
                <Form method="post">
                  <p>{p.disabledReason}</p>
                  <input type="hidden" name="intent" value="enable" />
                  <input type="hidden" name="partnerId" value={p.id} />
                  <button type="submit" disabled={submitting}>
                    {w.enableAgain}
                  </button>
                </Form>
              )}
              <p>
                <Link to={`/admin/partners/${p.id}`}>{p.removedAt ? w.settingsOfRemoved(p.name) : w.settingsOf(p.name)}</Link>
                {p.id !== chosen?.id && (
                  <>
                    {' · '}
                    <Link to={`?partner=${p.id}`}>{w.deliveryLogOf(p.name)}</Link>
                  </>
                )}
              </p>
            </article>
          </li>
        ))}
      </ul>
      {chosen && (
        <section aria-labelledby="deliveries">
          <h2 id="deliveries">{w.deliveriesTo(chosen.name)}</h2>
          <table className="data-table" data-testid="deliveries">
            <caption className="visually-hidden">{firstQuery ? w.olderCaption(deliveriesPerPage) : w.latestCaption(deliveriesPerPage)}</caption>
            <thead>
              <tr>
                <th scope="col">{w.created}</th>
                <th scope="col">{w.event}</th>
                <th scope="col">{w.status}</th>
                <th scope="col">{w.tries}</th>
                <th scope="col">{w.lastTry}</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => {
                const lastTry = d.attempts.at(-1);
                return (
                  <tr key={d.id} data-delivery={d.id}>
                    <td>{dateTime(d.createdAt)}</td>
                    <td>
                      {d.eventType} <span className="muted">({d.subject.slice(0, 8)})</span>
                      {d.replayOf && <span className="badge">{w.replay}</span>}
                    </td>
                    <td>
                      {w.statuses[d.status] ?? d.status}
                      {d.deliveredAt && <> {dateTime(d.deliveredAt)}</>}
                      {d.cancelledReason && <> ({d.cancelledReason})</>}
                    </td>
                    <td>{d.attemptCount}</td>
                    <td>{lastTry ? w.lastTryWords(dateTime(lastTry.attemptedAt), lastTry.statusCode, lastTry.error, lastTry.latencyMs) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {deliveries.length === 0 && <p>{w.nothingSent(chosen.name)}</p>}
          <Pager first={firstQuery} firstLabel={w.newest} next={nextQuery} nextLabel={w.older} />
          {chosen.removedAt ? (
            <p>{w.removedForGood(chosen.name)}</p>
          ) : (
            <Form method="post" className="inline-form" aria-label={w.replayForm(chosen.name)}>
              <input type="hidden" name="intent" value="replay" />
              <input type="hidden" name="partnerId" value={chosen.id} />
              <div className="field">
                <label htmlFor="since">{w.sinceUtc}</label>
                <input id="since" name="since" type="datetime-local" />
              </div>
              <div className="field">
                <label htmlFor="afterEventId">{w.afterEvent}</label>
                <select id="afterEventId" name="afterEventId" defaultValue="">
                  <option value="">—</option>
                  {deliveries
                    .filter((d) => !d.replayOf)
                    .map((d) => (
                      <option key={d.id} value={d.eventId}>
                        {w.eventAt(d.eventType, dateTime(d.createdAt))}
                      </option>
                    ))}
                </select>
              </div>
              <button type="submit" disabled={submitting}>
                {w.sendAgain}
              </button>
            </Form>
          )}
          {actionData?.intent === 'replay' && <ApiErrorMessage message={actionData.error} />}
        </section>
      )}
    </>
  );
}
