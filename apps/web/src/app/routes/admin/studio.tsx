import { Form, Link, redirect, useNavigation, useSearchParams } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { DoneMessage } from '../../components/done-message.js';
import { useFormsKey } from '../../components/reset-forms.js';
import { StudioFields, studioFrom } from '../../components/studio-fields.js';
import { ApiError, callApi, pageError } from '../../lib/api.server.js';
import { metaLocale, useWords, wordsIn } from '../../lib/i18n.js';
import { requestLocale } from '../../lib/locale.server.js';
import { backOfficeWords } from '../../lib/messages/admin/back-office.js';
import { studioWords } from '../../lib/messages/admin/studio.js';
import { refusalFor } from '../../lib/refusal.server.js';
import { field } from '../../lib/sign-in.server.js';
import { backToPage, requireStaff } from '../../lib/staff.server.js';
import type { Route } from './+types/studio';

// One studio's name, country and contact corrected (audited by catalog; names stay unique), or the studio removed
// once no product names it (catalog refuses otherwise, saying how many do; the page shows that refusal).

const studioQuery = graphql(`
  query BackOfficeStudio($id: ID!) {
    studio(id: $id) {
      id
      name
      country
      contactEmail
    }
  }
`);
const updateMutation = graphql(`
  mutation BackOfficeUpdateStudio($id: ID!, $input: UpdateStudioInput!) {
    updateStudio(id: $id, input: $input) {
      id
    }
  }
`);
const removeMutation = graphql(`
  mutation BackOfficeRemoveStudio($id: ID!) {
    removeStudio(id: $id) {
      name
    }
  }
`);

export const meta: Route.MetaFunction = ({ data, matches }) => {
  const locale = metaLocale(matches);
  return [{ title: wordsIn(backOfficeWords, locale).title(data?.studio.name ?? wordsIn(studioWords, locale).studio) }];
};

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'catalog:write');
  const { studio } = await callApi(context, studioQuery, { id: params.id }, staff.accessToken).catch(pageError);
  if (!studio) throw pageError(new ApiError(wordsIn(studioWords, await requestLocale(request, context)).notFound, 'NOT_FOUND'));
  return { studio };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const staff = await requireStaff(request, context, 'catalog:write');
  const form = await request.formData();
  const input = studioFrom(form);
  const intent = field(form, 'intent') === 'remove' ? 'remove' : 'update';
  try {
    if (intent === 'remove') {
      if (field(form, 'confirm') !== 'yes') return { intent, error: wordsIn(studioWords, await requestLocale(request, context)).confirmFirst, values: null };
      const { removeStudio } = await callApi(context, removeMutation, { id: params.id }, staff.accessToken);
      return redirect(`/admin/studios?${new URLSearchParams({ done: 'removed', name: removeStudio.name })}`);
    }
    await callApi(context, updateMutation, { id: params.id, input }, staff.accessToken);
    return backToPage(request, 'saved');
  } catch (err) {
    if (err instanceof ApiError)
      return { intent, error: await refusalFor(request, context, err, { withProblems: true }), values: intent === 'update' ? input : null };
    throw err;
  }
}

export default function BackOfficeStudio({ loaderData, actionData }: Route.ComponentProps) {
  const { studio } = loaderData;
  const [params] = useSearchParams();
  const submitting = useNavigation().state === 'submitting';
  const formsKey = useFormsKey(Boolean(actionData));
  const w = useWords(studioWords);
  return (
    <>
      <h1>{studio.name}</h1>
      <p>
        <Link to="/admin/studios">{w.everyStudio}</Link>
      </p>
      <DoneMessage message={!actionData && params.get('done') === 'saved' ? w.saved : null} />
      <Form key={`form-1-${formsKey}`} method="post" className="stacked admin-form" aria-labelledby="edit-studio">
        <h2 id="edit-studio">{w.correct}</h2>
        <StudioFields values={actionData?.values ?? studio} />
        <ApiErrorMessage message={actionData?.intent === 'update' ? actionData.error : null} />
        <button type="submit" disabled={submitting}>
          {w.save}
        </button>
      </Form>
      <section aria-labelledby="remove-studio">
        <h2 id="remove-studio">{w.remove}</h2>
        <p className="help">{w.removeHelp}</p>
        <Form method="post" className="admin-form" aria-label={w.remove}>
          <input type="hidden" name="intent" value="remove" />
          <div className="choice">
            <input type="checkbox" id="remove-confirm" name="confirm" value="yes" />
            <label htmlFor="remove-confirm">{w.confirm(studio.name)}</label>
          </div>
          <ApiErrorMessage message={actionData?.intent === 'remove' ? actionData.error : null} />
          <button type="submit" disabled={submitting}>
            {w.remove}
          </button>
        </Form>
      </section>
    </>
  );
}
