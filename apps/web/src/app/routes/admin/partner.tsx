import { data, Form, Link, useNavigation } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { DoneMessage } from '../../components/done-message.js';
import { ApiError, callApi, pageError } from '../../lib/api.server.js';
import { metaLocale, useI18n, useWords, wordsIn } from '../../lib/i18n.js';
import { requestLocale } from '../../lib/locale.server.js';
import { backOfficeWords } from '../../lib/messages/admin/back-office.js';
import { partnerWords } from '../../lib/messages/admin/partner.js';
import { redirectWithSecret, takeSecret } from '../../lib/one-time-secret.server.js';
import { refusalFor } from '../../lib/refusal.server.js';
import { field } from '../../lib/sign-in.server.js';
import { backToPage, formOutOfDate, requireStaff } from '../../lib/staff.server.js';
import { EditPartnerForm, RemovePartnerForm } from './partner-settings-forms.js';
import type { Route } from './+types/partner';

const partnerQuery = graphql(`
  query BackOfficePartnerSettings($id: ID!, $language: NotificationLanguage!) {
    partner(id: $id) {
      id
      name
      webhookUrl
      eventTypes
      enabled
      previousSecretUntil
      createdAt
      removedAt
    }
    partnerEventTypes(language: $language) {
      type
      description
    }
  }
`);
const credentialsQuery = graphql(`
  query BackOfficePartnerCredentials($partnerId: ID!) {
    partnerCredentials(partnerId: $partnerId) {
      clientId
      name
      scopes
      createdAt
      revokedAt
    }
  }
`);
const rotateMutation = graphql(`
  mutation BackOfficeRotatePartnerSecret($id: ID!) {
    rotatePartnerSecret(id: $id) {
      secret
      partner {
        name
        previousSecretUntil
      }
    }
  }
`);
const issueMutation = graphql(`
  mutation BackOfficeIssuePartnerCredential($partnerId: ID!, $name: String!, $scopes: [String!]) {
    createPartnerCredential(partnerId: $partnerId, name: $name, scopes: $scopes) {
      credential {
        clientId
        name
      }
      clientSecret
    }
  }
`);
const updateMutation = graphql(`
  mutation BackOfficeUpdatePartner($id: ID!, $input: UpdatePartnerInput!) {
    updatePartner(id: $id, input: $input) {
      id
    }
  }
`);
const removeMutation = graphql(`
  mutation BackOfficeRemovePartner($id: ID!) {
    removePartner(id: $id) {
      removedAt
    }
  }
`);
const revokeMutation = graphql(`
  mutation BackOfficeRevokePartnerCredential($clientId: ID!) {
    revokePartnerCredential(clientId: $clientId) {
      revokedAt
    }
  }
`);

/** What a partner's credential may carry: accounts grants partners logistics work only (it refuses anything else). */
const grantableScopes = [{ scope: 'logistics:fulfil' }] as const;

/** The done notices worded by the page (partnerWords' `done`; `removed` has its own words, see the component). */
const doneNotices = ['created', 'rotated', 'issued', 'revoked', 'updated', 'removed'] as const;
type DoneNotice = (typeof doneNotices)[number];
const isDoneNotice = (value: string | null): value is DoneNotice => (doneNotices as readonly (string | null)[]).includes(value);

/** The event types ticked in the form (notifications lists those it may grant: partnerEventTypes). */
const tickedEventTypes = (form: FormData) => form.getAll('eventTypes').filter((t): t is string => typeof t === 'string');

export const meta: Route.MetaFunction = ({ matches }) => {
  const locale = metaLocale(matches);
  return [{ title: wordsIn(backOfficeWords, locale).title(wordsIn(partnerWords, locale).title) }];
};

/**
 * One partner's settings (notifications' `partner`, with the event types it may be granted), its webhook secret and
 * its API credentials; credentials are accounts' and need partners:write (without it the page says so instead of
 * failing).
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'notifications:write');
  const locale = await requestLocale(request, context);
  const w = wordsIn(partnerWords, locale);
  const noSuchPartner = () => data({ message: w.noSuchPartner }, { status: 404 });
  const { partner, partnerEventTypes } = await callApi(context, partnerQuery, { id: params.id, language: locale }, staff.accessToken).catch((err: unknown) => {
    // A malformed id in the address is no partner either.
    if (err instanceof ApiError && (err.code === 'NOT_FOUND' || err.code === 'BAD_USER_INPUT')) throw noSuchPartner();
    return pageError(err);
  });
  const mayIssue = staff.scopes.includes('partners:write');
  const credentials = mayIssue
    ? (await callApi(context, credentialsQuery, { partnerId: partner.id }, staff.accessToken).catch(pageError)).partnerCredentials
    : null;
  const { secret, headers } = await takeSecret(request, context, partner.id);
  const query = new URL(request.url).searchParams;
  // What was done, worded by the page; removing also says how many credentials it revoked from here (null: it could not).
  const notice = query.get('done');
  const done = isDoneNotice(notice) ? { notice, revoked: query.get('revoked') } : null;
  return data({ partner, eventTypes: partnerEventTypes, credentials, secret, done, grantableScopes }, { headers });
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const form = await request.formData();
  const intent = field(form, 'intent');
  const partnerId = params.id;
  const w = wordsIn(partnerWords, await requestLocale(request, context));
  const back = (done: string, extra: Record<string, string> = {}) => {
    const url = new URL(request.url);
    url.search = new URLSearchParams(extra).toString();
    return backToPage(new Request(url), done);
  };
  const typed = { name: field(form, 'name'), webhookUrl: field(form, 'webhookUrl'), eventTypes: tickedEventTypes(form) };
  try {
    if (intent === 'rotate') {
      const staff = await requireStaff(request, context, 'notifications:write');
      const { rotatePartnerSecret } = await callApi(context, rotateMutation, { id: partnerId }, staff.accessToken);
      return await redirectWithSecret(context, `/admin/partners/${partnerId}?done=rotated`, {
        partnerId,
        label: w.newSecretOf(rotatePartnerSecret.partner.name),
        secret: rotatePartnerSecret.secret,
      });
    }
    if (intent === 'issue') {
      const staff = await requireStaff(request, context, 'partners:write');
      const scopes = form.getAll('scopes').filter((s): s is string => typeof s === 'string');
      const { createPartnerCredential: issued } = await callApi(context, issueMutation, { partnerId, name: field(form, 'name'), scopes }, staff.accessToken);
      return await redirectWithSecret(context, `/admin/partners/${partnerId}?done=issued`, {
        partnerId,
        label: w.clientSecretOf(issued.credential.name, issued.credential.clientId),
        secret: issued.clientSecret,
      });
    }
    if (intent === 'update') {
      const staff = await requireStaff(request, context, 'notifications:write');
      const input = { name: typed.name, webhookUrl: typed.webhookUrl, eventTypes: typed.eventTypes };
      await callApi(context, updateMutation, { id: partnerId, input }, staff.accessToken);
      return back('updated');
    }
    if (intent === 'remove') {
      const staff = await requireStaff(request, context, 'notifications:write');
      if (field(form, 'confirm') !== 'yes') return { intent, typed, error: w.confirmRemoval };
      // Its credentials are accounts': revoked there at once with the same mutation as one by one (audited), when this staff
      // member may; accounts revokes whatever is left itself on notifications' partner.removed event, shortly after. They
      // are read before the removal, so the count says what was in use even when accounts gets there first (revoking a
      // revoked credential changes nothing).
      const inUse = staff.scopes.includes('partners:write')
        ? (await callApi(context, credentialsQuery, { partnerId }, staff.accessToken)).partnerCredentials.filter((c) => !c.revokedAt)
        : null;
      await callApi(context, removeMutation, { id: partnerId }, staff.accessToken);
      if (inUse === null) return back('removed');
      try {
        for (const c of inUse) await callApi(context, revokeMutation, { clientId: c.clientId }, staff.accessToken);
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        const error = w.partlyRevoked(await refusalFor(request, context, err, { withProblems: true }));
        return { intent, typed, error };
      }
      return back('removed', { revoked: String(inUse.length) });
    }
    if (intent === 'revoke') {
      const staff = await requireStaff(request, context, 'partners:write');
      await callApi(context, revokeMutation, { clientId: field(form, 'clientId') }, staff.accessToken);
      return back('revoked');
    }
    return { intent, typed, error: await formOutOfDate(request, context) };
  } catch (err) {
    if (err instanceof ApiError) return { intent, typed, error: await refusalFor(request, context, err, { withProblems: true }) };
    throw err;
  }
}

export default function BackOfficePartner({ loaderData, actionData }: Route.ComponentProps) {
  const { partner, eventTypes, credentials, secret, done } = loaderData;
  const { dateTime } = useI18n();
  const w = useWords(partnerWords);
  const frame = useWords(backOfficeWords);
  const submitting = useNavigation().state === 'submitting';
  const errorOf = (intent: string) => (actionData?.intent === intent ? actionData.error : null);
  // What staff typed in the settings form, kept when the API refused it; the saved settings otherwise.
  const typed = actionData?.intent === 'update' ? actionData.typed : null;
  const removed = partner.removedAt !== null;
  return (
    <>
      <p>
        <Link to="/admin/partners">{frame.sections.partners.title}</Link> · <Link to={`/admin/partners?partner=${partner.id}`}>{w.deliveryLog}</Link>
      </p>
      <h1>{partner.name}</h1>
      <DoneMessage message={actionData || !done ? null : done.notice === 'removed' ? w.removed(done.revoked) : w.done[done.notice]} />
      {removed && (
        <p data-testid="partner-removed">
          <span className="badge badge-late">{w.removedBadge}</span>
          {w.removedOn(dateTime(partner.removedAt!))}
        </p>
      )}
      {removed && <ApiErrorMessage message={errorOf('remove')} />}
      {secret && (
        <section aria-labelledby="secret" className="one-time-secret" data-testid="one-time-secret">
          <h2 id="secret">{secret.label}</h2>
          <p>
            <strong>{w.copyNow}</strong>
            {w.noCopy}
          </p>
          <p>
            <code data-testid="secret-value">{secret.secret}</code>
          </p>
        </section>
      )}
      <dl className="facts">
        <div>
          <dt>{w.webhook}</dt>
          <dd>
            <code>{partner.webhookUrl}</code> ({partner.enabled ? w.enabled : w.disabled})
          </dd>
        </div>
        <div>
          <dt>{w.events}</dt>
          <dd>{partner.eventTypes.join(', ')}</dd>
        </div>
        <div>
          <dt>{w.registered}</dt>
          <dd>{dateTime(partner.createdAt)}</dd>
        </div>
        {removed && (
          <div>
            <dt>{w.removedFact}</dt>
            <dd>{dateTime(partner.removedAt!)}</dd>
          </div>
        )}
        {partner.previousSecretUntil && (
          <div>
            <dt>{w.previousSecret}</dt>
            <dd>{w.stillSigns(dateTime(partner.previousSecretUntil))}</dd>
          </div>
        )}
      </dl>

      {!removed && <EditPartnerForm partner={partner} eventTypes={eventTypes} typed={typed} error={errorOf('update')} submitting={submitting} />}

      {!removed && (
        <section aria-labelledby="signing">
          <h2 id="signing">{w.signing}</h2>
          <p className="help">{w.signingHelp}</p>
          <Form method="post" aria-label={w.rotate}>
            <input type="hidden" name="intent" value="rotate" />
            <button type="submit" disabled={submitting}>
              {w.rotate}
            </button>
          </Form>
          <ApiErrorMessage message={errorOf('rotate')} />
        </section>
      )}

      <section aria-labelledby="credentials">
        <h2 id="credentials">{w.credentials}</h2>
        {credentials === null ? (
          <p>{w.needsPartnersWrite}</p>
        ) : (
          <>
            {credentials.length === 0 ? (
              <p>{w.noCredentials}</p>
            ) : (
              <table className="data-table" data-testid="credentials">
                <caption className="visually-hidden">{w.credentialsCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{w.name}</th>
                    <th scope="col">{w.clientId}</th>
                    <th scope="col">{w.permissions}</th>
                    <th scope="col">{w.issued}</th>
                    <th scope="col">{w.state}</th>
                  </tr>
                </thead>
                <tbody>
                  {credentials.map((c) => (
                    <tr key={c.clientId}>
                      <td>{c.name}</td>
                      <td>
                        <code>{c.clientId}</code>
                      </td>
                      <td>{c.scopes.length > 0 ? c.scopes.join(', ') : w.ownIntegrationOnly}</td>
                      <td>{dateTime(c.createdAt)}</td>
                      <td>
                        {c.revokedAt ? (
                          w.revokedOn(dateTime(c.revokedAt))
                        ) : (
                          <Form method="post" aria-label={w.revokeForm(c.name)}>
                            <input type="hidden" name="intent" value="revoke" />
                            <input type="hidden" name="clientId" value={c.clientId} />
                            <button type="submit" disabled={submitting}>
                              {w.revoke(c.name)}
                            </button>
                          </Form>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <ApiErrorMessage message={errorOf('revoke')} />
            {!removed && (
              <Form method="post" className="admin-form" aria-label={w.issue}>
                <h3>{w.issue}</h3>
                <input type="hidden" name="intent" value="issue" />
                <div className="field">
                  <label htmlFor="credential-name">{w.credentialName}</label>
                  <input id="credential-name" name="name" maxLength={200} />
                </div>
                <fieldset>
                  <legend>{w.grants}</legend>
                  {loaderData.grantableScopes.map((g) => (
                    <div className="choice" key={g.scope}>
                      <input type="checkbox" id={`scope-${g.scope}`} name="scopes" value={g.scope} />
                      <label htmlFor={`scope-${g.scope}`}>{w.scopes[g.scope]}</label>
                    </div>
                  ))}
                </fieldset>
                <button type="submit" disabled={submitting}>
                  {w.issueSubmit}
                </button>
              </Form>
            )}
            <ApiErrorMessage message={errorOf('issue')} />
          </>
        )}
      </section>

      {!removed && <RemovePartnerForm name={partner.name} error={errorOf('remove')} submitting={submitting} />}
    </>
  );
}
