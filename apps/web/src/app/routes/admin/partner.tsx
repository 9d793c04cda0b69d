import { data, Form, Link, useNavigation } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { DoneMessage } from '../../components/done-message.js';
import { ApiError, callApi, messageWithProblems, pageError } from '../../lib/api.server.js';
import { formatDateTime } from '../../lib/format.js';
import { redirectWithSecret, takeSecret } from '../../lib/one-time-secret.server.js';
import { field } from '../../lib/sign-in.server.js';
import { backToPage, requireStaff } from '../../lib/staff.server.js';
import { EditPartnerForm, RemovePartnerForm } from './partner-settings-forms.js';
import type { Route } from './+types/partner';

const partnerQuery = graphql(`
  query BackOfficePartnerSettings($id: ID!) {
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
    partnerEventTypes {
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
const grantableScopes = [{ scope: 'logistics:fulfil', words: 'Pack, dispatch and track parcels (logistics:fulfil)' }] as const;

const doneWords: Record<string, string> = {
  created: 'The partner is registered. Give it the signing secret below.',
  rotated: 'A new signing secret is in use; the previous one also signs for 24 hours.',
  issued: 'API credentials issued. Give the partner the client id and secret below.',
  revoked: 'The credential is revoked: it gets no new token.',
  updated: 'The partner’s settings are saved. Deliveries still waiting go to its webhook as it is now.',
};

/**
 * What removing did: notifications' part always; accounts' credentials revoked from here at once with
 * partners:write, and by accounts itself shortly after in any case (it consumes the removal's event).
 */
function removedWords(revoked: string | null): string {
  const stopped = 'The partner is removed: nothing more is sent to it and its deliveries still waiting are cancelled.';
  if (revoked === null) {
    return `${stopped} Its API credentials are revoked by accounts shortly after (revoking them from here needs the “partners:write” permission, which your staff account does not have).`;
  }
  return `${stopped} ${revoked === '0' ? 'It had no API credentials in use.' : `Its API credentials are revoked (${revoked}).`}`;
}

/** The event types ticked in the form (notifications lists those it may grant: partnerEventTypes). */
const tickedEventTypes = (form: FormData) => form.getAll('eventTypes').filter((t): t is string => typeof t === 'string');

export const meta: Route.MetaFunction = () => [{ title: 'Partner | Back office | Vitrine' }];

/**
 * One partner's settings (notifications' `partner`, with the event types it may be granted), its webhook secret and
 * its API credentials; credentials are accounts' and need partners:write (without it the page says so instead of
 * failing).
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'notifications:write');
  const noSuchPartner = () => data({ message: 'There is no such partner.' }, { status: 404 });
  const { partner, partnerEventTypes } = await callApi(context, partnerQuery, { id: params.id }, staff.accessToken).catch((err: unknown) => {
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
  const done = query.get('done') === 'removed' ? removedWords(query.get('revoked')) : (doneWords[query.get('done') ?? ''] ?? null);
  return data({ partner, eventTypes: partnerEventTypes, credentials, secret, done, grantableScopes }, { headers });
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const form = await request.formData();
  const intent = field(form, 'intent');
  const partnerId = params.id;
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
        label: `New webhook signing secret of ${rotatePartnerSecret.partner.name}`,
        secret: rotatePartnerSecret.secret,
      });
    }
    if (intent === 'issue') {
      const staff = await requireStaff(request, context, 'partners:write');
      const scopes = form.getAll('scopes').filter((s): s is string => typeof s === 'string');
      const { createPartnerCredential: issued } = await callApi(context, issueMutation, { partnerId, name: field(form, 'name'), scopes }, staff.accessToken);
      return await redirectWithSecret(context, `/admin/partners/${partnerId}?done=issued`, {
        partnerId,
        label: `Client secret of “${issued.credential.name}” (client id ${issued.credential.clientId})`,
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
      if (field(form, 'confirm') !== 'yes') return { intent, typed, error: 'Tick the box to confirm the removal: nothing was removed.' };
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
        const error = `The partner is removed, but not every API credential could be revoked from here: ${messageWithProblems(err)} Accounts revokes the rest shortly after.`;
        return { intent, typed, error };
      }
      return back('removed', { revoked: String(inUse.length) });
    }
    if (intent === 'revoke') {
      const staff = await requireStaff(request, context, 'partners:write');
      await callApi(context, revokeMutation, { clientId: field(form, 'clientId') }, staff.accessToken);
      return back('revoked');
    }
    return { intent, typed, error: 'This form is out of date. Please reload the page.' };
  } catch (err) {
    if (err instanceof ApiError) return { intent, typed, error: messageWithProblems(err) };
    throw err;
  }
}

export default function BackOfficePartner({ loaderData, actionData }: Route.ComponentProps) {
  const { partner, eventTypes, credentials, secret } = loaderData;
  const submitting = useNavigation().state === 'submitting';
  const errorOf = (intent: string) => (actionData?.intent === intent ? actionData.error : null);
  // What staff typed in the settings form, kept when the API refused it; the saved settings otherwise.
  const typed = actionData?.intent === 'update' ? actionData.typed : null;
  const removed = partner.removedAt !== null;
  return (
    <>
      <p>
        <Link to="/admin/partners">Partners</Link> · <Link to={`/admin/partners?partner=${partner.id}`}>Delivery log</Link>
      </p>
      <h1>{partner.name}</h1>
      <DoneMessage message={actionData ? null : loaderData.done} />
      {removed && (
        <p data-testid="partner-removed">
          <span className="badge badge-late">Removed</span> on {formatDateTime(partner.removedAt!)}: nothing is sent to it any more; its delivery log stays.
        </p>
      )}
      {removed && <ApiErrorMessage message={errorOf('remove')} />}
      {secret && (
        <section aria-labelledby="secret" className="one-time-secret" data-testid="one-time-secret">
          <h2 id="secret">{secret.label}</h2>
          <p>
            <strong>Copy it now: it is shown this once.</strong> The store keeps no copy it can show again; if it is lost, make a new one.
          </p>
          <p>
            <code data-testid="secret-value">{secret.secret}</code>
          </p>
        </section>
      )}
      <dl className="facts">
        <div>
          <dt>Webhook</dt>
          <dd>
            <code>{partner.webhookUrl}</code> ({partner.enabled ? 'enabled' : 'disabled'})
          </dd>
        </div>
        <div>
          <dt>Events</dt>
          <dd>{partner.eventTypes.join(', ')}</dd>
        </div>
        <div>
          <dt>Registered</dt>
          <dd>{formatDateTime(partner.createdAt)}</dd>
        </div>
        {removed && (
          <div>
            <dt>Removed</dt>
            <dd>{formatDateTime(partner.removedAt!)}</dd>
          </div>
        )}
        {partner.previousSecretUntil && (
          <div>
            <dt>Previous secret</dt>
            <dd>still signs until {formatDateTime(partner.previousSecretUntil)}</dd>
          </div>
        )}
      </dl>

      {!removed && <EditPartnerForm partner={partner} eventTypes={eventTypes} typed={typed} error={errorOf('update')} submitting={submitting} />}

      {!removed && (
        <section aria-labelledby="signing">
          <h2 id="signing">Webhook signing secret</h2>
          <p className="help">
            A new secret signs every delivery from now; the previous one also signs for 24 hours so the partner can switch without losing one.
          </p>
          <Form method="post" aria-label="Make a new signing secret">
            <input type="hidden" name="intent" value="rotate" />
            <button type="submit" disabled={submitting}>
              Make a new signing secret
            </button>
          </Form>
          <ApiErrorMessage message={errorOf('rotate')} />
        </section>
      )}

      <section aria-labelledby="credentials">
        <h2 id="credentials">API credentials</h2>
        {credentials === null ? (
          <p>Issuing and reading a partner’s API credentials needs the “partners:write” permission, which your staff account does not have.</p>
        ) : (
          <>
            {credentials.length === 0 ? (
              <p>This partner has no API credentials.</p>
            ) : (
              <table className="data-table" data-testid="credentials">
                <caption className="visually-hidden">This partner’s API credentials, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Client id</th>
                    <th scope="col">Permissions</th>
                    <th scope="col">Issued</th>
                    <th scope="col">State</th>
                  </tr>
                </thead>
                <tbody>
                  {credentials.map((c) => (
                    <tr key={c.clientId}>
                      <td>{c.name}</td>
                      <td>
                        <code>{c.clientId}</code>
                      </td>
                      <td>{c.scopes.length > 0 ? c.scopes.join(', ') : 'its own integration only'}</td>
                      <td>{formatDateTime(c.createdAt)}</td>
                      <td>
                        {c.revokedAt ? (
                          `Revoked ${formatDateTime(c.revokedAt)}`
                        ) : (
                          <Form method="post" aria-label={`Revoke ${c.name}`}>
                            <input type="hidden" name="intent" value="revoke" />
                            <input type="hidden" name="clientId" value={c.clientId} />
                            <button type="submit" disabled={submitting}>
                              Revoke “{c.name}”
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
              <Form method="post" className="admin-form" aria-label="Issue API credentials">
                <h3>Issue API credentials</h3>
                <input type="hidden" name="intent" value="issue" />
                <div className="field">
                  <label htmlFor="credential-name">Name (where it is used)</label>
                  <input id="credential-name" name="name" maxLength={200} />
                </div>
                <fieldset>
                  <legend>What its tokens may do besides the partner’s own integration</legend>
                  {loaderData.grantableScopes.map((g) => (
                    <div className="choice" key={g.scope}>
                      <input type="checkbox" id={`scope-${g.scope}`} name="scopes" value={g.scope} />
                      <label htmlFor={`scope-${g.scope}`}>{g.words}</label>
                    </div>
                  ))}
                </fieldset>
                <button type="submit" disabled={submitting}>
                  Issue credentials
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
