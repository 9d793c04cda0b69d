import { Form, Link, redirect, useNavigation, useSearchParams } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { DoneMessage } from '../../components/done-message.js';
import { useFormsKey } from '../../components/reset-forms.js';
import { StudioFields, studioFrom } from '../../components/studio-fields.js';
import { ApiError, callApi, messageWithProblems, pageError } from '../../lib/api.server.js';
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

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.studio.name ?? 'Studio'} | Back office | Vitrine` }];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'catalog:write');
  const { studio } = await callApi(context, studioQuery, { id: params.id }, staff.accessToken).catch(pageError);
  if (!studio) throw pageError(new ApiError('There is no studio with this id.', 'NOT_FOUND'));
  return { studio };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const staff = await requireStaff(request, context, 'catalog:write');
  const form = await request.formData();
  const input = studioFrom(form);
  const intent = field(form, 'intent') === 'remove' ? 'remove' : 'update';
  try {
    if (intent === 'remove') {
      if (field(form, 'confirm') !== 'yes') return { intent, error: 'Tick the box to confirm: the studio was not removed.', values: null };
      const { removeStudio } = await callApi(context, removeMutation, { id: params.id }, staff.accessToken);
      return redirect(`/admin/studios?${new URLSearchParams({ done: 'removed', name: removeStudio.name })}`);
    }
    await callApi(context, updateMutation, { id: params.id, input }, staff.accessToken);
    return backToPage(request, 'saved');
  } catch (err) {
    if (err instanceof ApiError) return { intent, error: messageWithProblems(err), values: intent === 'update' ? input : null };
    throw err;
  }
}

export default function BackOfficeStudio({ loaderData, actionData }: Route.ComponentProps) {
  const { studio } = loaderData;
  const [params] = useSearchParams();
  const submitting = useNavigation().state === 'submitting';
  const formsKey = useFormsKey(Boolean(actionData));
  return (
    <>
      <h1>{studio.name}</h1>
      <p>
        <Link to="/admin/studios">Every studio</Link>
      </p>
      <DoneMessage message={!actionData && params.get('done') === 'saved' ? 'The studio was saved.' : null} />
      <Form key={`form-1-${formsKey}`} method="post" className="stacked admin-form" aria-labelledby="edit-studio">
        <h2 id="edit-studio">Correct the studio</h2>
        <StudioFields values={actionData?.values ?? studio} />
        <ApiErrorMessage message={actionData?.intent === 'update' ? actionData.error : null} />
        <button type="submit" disabled={submitting}>
          Save the studio
        </button>
      </Form>
      <section aria-labelledby="remove-studio">
        <h2 id="remove-studio">Remove this studio</h2>
        <p className="help">Only a studio no product names can go: give its products another studio (or none) first. This cannot be undone.</p>
        <Form method="post" className="admin-form" aria-label="Remove this studio">
          <input type="hidden" name="intent" value="remove" />
          <div className="choice">
            <input type="checkbox" id="remove-confirm" name="confirm" value="yes" />
            <label htmlFor="remove-confirm">Yes, remove {studio.name}</label>
          </div>
          <ApiErrorMessage message={actionData?.intent === 'remove' ? actionData.error : null} />
          <button type="submit" disabled={submitting}>
            Remove this studio
          </button>
        </Form>
      </section>
    </>
  );
}
