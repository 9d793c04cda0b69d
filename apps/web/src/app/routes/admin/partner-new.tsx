import { Form, Link, useNavigation } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { ApiError, callApi, pageError } from '../../lib/api.server.js';
import { metaLocale, useWords, wordsIn } from '../../lib/i18n.js';
import { requestLocale } from '../../lib/locale.server.js';
import { backOfficeWords } from '../../lib/messages/admin/back-office.js';
import { partnerNewWords } from '../../lib/messages/admin/partner-new.js';
import { redirectWithSecret } from '../../lib/one-time-secret.server.js';
import { refusalFor } from '../../lib/refusal.server.js';
import { field } from '../../lib/sign-in.server.js';
import { requireStaff } from '../../lib/staff.server.js';
import { EventTypeChoices } from './partner-settings-forms.js';
import type { Route } from './+types/partner-new';

const eventTypesQuery = graphql(`
  query BackOfficePartnerEventTypes($language: NotificationLanguage!) {
    partnerEventTypes(language: $language) {
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

export const meta: Route.MetaFunction = ({ matches }) => {
  const locale = metaLocale(matches);
  return [{ title: wordsIn(backOfficeWords, locale).title(wordsIn(partnerNewWords, locale).title) }];
};

/** The form offers the event types notifications may grant a partner. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'notifications:write');
  return (await callApi(context, eventTypesQuery, { language: await requestLocale(request, context) }, staff.accessToken).catch(pageError)).partnerEventTypes;
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
      label: wordsIn(partnerNewWords, await requestLocale(request, context)).secretOf(partner.name),
      secret,
    });
  } catch (err) {
    if (err instanceof ApiError) return { typed, error: await refusalFor(request, context, err, { withProblems: true }) };
    throw err;
  }
}

export default function BackOfficePartnerNew({ loaderData, actionData }: Route.ComponentProps) {
  const submitting = useNavigation().state === 'submitting';
  const typed = actionData?.typed;
  const w = useWords(partnerNewWords);
  const frame = useWords(backOfficeWords);
  return (
    <>
      <p>
        <Link to="/admin/partners">{frame.sections.partners.title}</Link>
      </p>
      <h1>{w.title}</h1>
      <p className="help">{w.help}</p>
      <Form method="post" className="admin-form" aria-label={w.title}>
        <div className="field">
          <label htmlFor="name">{w.name}</label>
          <input id="name" name="name" defaultValue={typed?.name} required maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor="webhookUrl">{w.webhookUrl}</label>
          <input id="webhookUrl" name="webhookUrl" type="url" defaultValue={typed?.webhookUrl} required spellCheck={false} />
        </div>
        <EventTypeChoices idPrefix="event" offered={loaderData} checked={typed?.eventTypes ?? []} />
        <button type="submit" disabled={submitting}>
          {w.submit}
        </button>
      </Form>
      <ApiErrorMessage message={actionData?.error} />
    </>
  );
}
