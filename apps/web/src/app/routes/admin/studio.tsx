import { Form, Link, useNavigation, useSearchParams } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { DoneMessage } from '../../components/done-message.js';
import { useFormsKey } from '../../components/reset-forms.js';
import { StudioFields, studioFrom } from '../../components/studio-fields.js';
import { ApiError, callApi, messageWithProblems, pageError } from '../../lib/api.server.js';
import { backToPage, requireStaff } from '../../lib/staff.server.js';
import type { Route } from './+types/studio';

// One studio's name, country and contact corrected (audited by catalog; names stay unique). The API has no query
// for one studio: it is found in the list of every studio (a few dozen at most).

const studiosQuery = graphql(`
  query BackOfficeStudioList {
    studios {
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

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.studio.name ?? 'Studio'} | Back office | Vitrine` }];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'catalog:write');
  const { studios } = await callApi(context, studiosQuery, {}, staff.accessToken).catch(pageError);
  const studio = studios.find((s) => s.id === params.id);
  if (!studio) throw pageError(new ApiError('There is no studio with this id.', 'NOT_FOUND'));
  return { studio };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const staff = await requireStaff(request, context, 'catalog:write');
  const input = studioFrom(await request.formData());
  try {
    await callApi(context, updateMutation, { id: params.id, input }, staff.accessToken);
    return backToPage(request, 'saved');
  } catch (err) {
    if (err instanceof ApiError) return { error: messageWithProblems(err), values: input };
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
        <ApiErrorMessage message={actionData?.error} />
        <button type="submit" disabled={submitting}>
          Save the studio
        </button>
      </Form>
    </>
  );
}
