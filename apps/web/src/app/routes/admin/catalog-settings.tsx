import { Form, useNavigation } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { DoneMessage } from '../../components/done-message.js';
import { ApiError, callApi, pageError } from '../../lib/api.server.js';
import { sectionMeta } from '../../lib/back-office-meta.js';
import { useWords, wordsIn } from '../../lib/i18n.js';
import { requestLocale } from '../../lib/locale.server.js';
import { backOfficeWords } from '../../lib/messages/admin/back-office.js';
import { catalogSettingsWords } from '../../lib/messages/admin/catalog-settings.js';
import { refusalFor } from '../../lib/refusal.server.js';
import { field } from '../../lib/sign-in.server.js';
import { backToPage, requireStaff } from '../../lib/staff.server.js';
import type { Route } from './+types/catalog-settings';

const settingsQuery = graphql(`
  query BackOfficeCatalogSettings {
    catalogSettings {
      waitlistOfferHours
    }
  }
`);
const offerHoursMutation = graphql(`
  mutation BackOfficeSetWaitlistOfferHours($hours: Int!) {
    setWaitlistOfferHours(hours: $hours) {
      waitlistOfferHours
    }
  }
`);

export const meta: Route.MetaFunction = (args) => sectionMeta(args, 'catalogSettings');

export async function loader({ request, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'catalog:write');
  const { catalogSettings } = await callApi(context, settingsQuery, {}, staff.accessToken).catch(pageError);
  return { hours: catalogSettings.waitlistOfferHours, saved: new URL(request.url).searchParams.get('done') === 'saved' };
}

export async function action({ request, context }: Route.ActionArgs) {
  const staff = await requireStaff(request, context, 'catalog:write');
  const typed = field(await request.formData(), 'hours');
  // Whole hours as typed; the range is catalog's to say (1 to its maximum), in its refusal.
  if (!/^-?\d{1,6}$/.test(typed)) return { error: wordsIn(catalogSettingsWords, await requestLocale(request, context)).wholeNumber };
  try {
    await callApi(context, offerHoursMutation, { hours: Number(typed) }, staff.accessToken);
  } catch (err) {
    if (err instanceof ApiError) return { error: await refusalFor(request, context, err, { withProblems: true }) };
    throw err;
  }
  return backToPage(request, 'saved');
}

export default function BackOfficeCatalogSettings({ loaderData, actionData }: Route.ComponentProps) {
  const { hours, saved } = loaderData;
  const w = useWords(catalogSettingsWords);
  const frame = useWords(backOfficeWords);
  const submitting = useNavigation().state === 'submitting';
  return (
    <>
      <h1>{frame.sections.catalogSettings.title}</h1>
      <DoneMessage message={actionData || !saved ? null : w.saved(hours)} />
      <p data-testid="offer-hours">{w.now(hours)}</p>
      <p className="help">{w.help}</p>
      <Form method="post" className="inline-form" aria-label={w.form}>
        <div className="field">
          <label htmlFor="hours">{w.hours}</label>
          <input id="hours" name="hours" type="number" step={1} required defaultValue={hours} key={hours} />
        </div>
        <button type="submit" disabled={submitting}>
          {w.submit}
        </button>
      </Form>
      <ApiErrorMessage message={actionData?.error} />
    </>
  );
}
