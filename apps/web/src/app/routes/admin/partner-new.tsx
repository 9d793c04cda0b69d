import { Form, Link, useNavigation } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { ApiError, callApi, messageWithProblems, pageError } from '../../lib/api.server.js';
import { redirectWithSecret } from '../../lib/one-time-secret.server.js';
import { field } from '../../lib/sign-in.server.js';
import { requireStaff } from '../../lib/staff.server.js';
import { EventTypeChoices } from './partner-settings-forms.js';
import type { Route } from './+types/partner-new';

const eventTypesQuery = graphql(`
  query BackOfficePartnerEventTypes {
    partnerEventTypes {
      type
      description
    }
  }
`);

const createPartnerMutation = graphql(`
  mutation BackOfficeCreatePartner($input: CreatePartnerInput!) {
    createPartner(input: $input) {
      partner {
        id
        name
      }
      secret
    }
  }
`);

export const meta: Route.MetaFunction = () => [{ title: 'Register a partner | Back office | Vitrine' }];

/** The form offers the event types notifications may grant a partner. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'notifications:write');
  return (await callApi(context, eventTypesQuery, {}, staff.accessToken).catch(pageError)).partnerEventTypes;
}

/** Registers the endpoint with notifications, then goes to the partner's page, which shows the signing secret once. */
export async function action({ request, context }: Route.ActionArgs) {
  const staff = await requireStaff(request, context, 'notifications:write');
  const form = await request.formData();
  const eventTypes = form.getAll('eventTypes').filter((t): t is string => typeof t === 'string');
  const typed = { name: field(form, 'name'), webhookUrl: field(form, 'webhookUrl'), eventTypes };
  try {
    const { createPartner } = await callApi(
      context,
      createPartnerMutation,
      { input: { name: typed.name, webhookUrl: typed.webhookUrl, eventTypes } },
      staff.accessToken,
    );
    const { partner, secret } = createPartner;
    return await redirectWithSecret(context, `/admin/partners/${partner.id}?done=created`, {
      partnerId: partner.id,
      label: `Webhook signing secret of ${partner.name}`,
      secret,
    });
  } catch (err) {
    if (err instanceof ApiError) return { typed, error: messageWithProblems(err) };
    throw err;
  }
}

export default function BackOfficePartnerNew({ loaderData, actionData }: Route.ComponentProps) {
  const submitting = useNavigation().state === 'submitting';
  const typed = actionData?.typed;
  return (
    <>
      <p>
        <Link to="/admin/partners">Partners</Link>
      </p>
      <h1>Register a partner</h1>
      <p className="help">
        The store POSTs each event the partner subscribes to to its webhook, signed with a secret shown once, on the next page. Nothing is sent before an event
        happens.
      </p>
      <Form method="post" className="admin-form" aria-label="Register a partner">
        <div className="field">
          <label htmlFor="name">Name</label>
          <input id="name" name="name" defaultValue={typed?.name} required maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor="webhookUrl">Webhook URL (https)</label>
          <input id="webhookUrl" name="webhookUrl" type="url" defaultValue={typed?.webhookUrl} required spellCheck={false} />
        </div>
        <EventTypeChoices idPrefix="event" offered={loaderData} checked={typed?.eventTypes ?? []} />
        <button type="submit" disabled={submitting}>
          Register the partner
        </button>
      </Form>
      <ApiErrorMessage message={actionData?.error} />
    </>
  );
}
