import { Form, Link, redirect, useNavigation, useSearchParams } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { DoneMessage } from '../../components/done-message.js';
import { useFormsKey } from '../../components/reset-forms.js';
import { StudioFields, studioFrom } from '../../components/studio-fields.js';
import { ApiError, callApi, messageWithProblems, pageError } from '../../lib/api.server.js';
import { requireStaff } from '../../lib/staff.server.js';
import type { Route } from './+types/studios';

// The studios that make the figures (products name one): every studio by name, and adding one. Names are unique
// (the API refuses a second studio of the same name with its message).

const studiosQuery = graphql(`
  query BackOfficeStudios {
    studios {
      id
      name
      country
      contactEmail
    }
  }
`);
const createMutation = graphql(`
  mutation BackOfficeCreateStudio($input: CreateStudioInput!) {
    createStudio(input: $input) {
      id
      name
    }
  }
`);

export const meta: Route.MetaFunction = () => [{ title: 'Studios | Back office | Vitrine' }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'catalog:write');
  const { studios } = await callApi(context, studiosQuery, {}, staff.accessToken).catch(pageError);
  return { studios };
}

export async function action({ request, context }: Route.ActionArgs) {
  const staff = await requireStaff(request, context, 'catalog:write');
  const input = studioFrom(await request.formData());
  try {
    const { createStudio } = await callApi(context, createMutation, { input }, staff.accessToken);
    return redirect(`/admin/studios?done=created&name=${encodeURIComponent(createStudio.name)}`);
  } catch (err) {
    if (err instanceof ApiError) return { error: messageWithProblems(err), values: input };
    throw err;
  }
}

export default function BackOfficeStudios({ loaderData, actionData }: Route.ComponentProps) {
  const [params] = useSearchParams();
  const submitting = useNavigation().state === 'submitting';
  const formsKey = useFormsKey(Boolean(actionData));
  const done = actionData ? null : params.get('done');
  const added =
    done === 'created' ? `Studio ${params.get('name') ?? ''} was added.` : done === 'removed' ? `Studio ${params.get('name') ?? ''} was removed.` : null;
  return (
    <>
      <h1>Studios</h1>
      <DoneMessage message={added} />
      <table className="data-table" data-testid="studios">
        <caption>Every studio, by name</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Country</th>
            <th scope="col">Contact</th>
          </tr>
        </thead>
        <tbody>
          {loaderData.studios.map((s) => (
            <tr key={s.id}>
              <th scope="row">
                <Link to={`/admin/studios/${s.id}`} aria-label={`Edit ${s.name}`}>
                  {s.name}
                </Link>
              </th>
              <td>{s.country}</td>
              <td>{s.contactEmail}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Form key={`form-1-${formsKey}`} method="post" className="stacked admin-form" aria-labelledby="new-studio">
        <h2 id="new-studio">Add a studio</h2>
        <StudioFields values={actionData?.values ?? {}} />
        <ApiErrorMessage message={actionData?.error} />
        <button type="submit" disabled={submitting}>
          Add the studio
        </button>
      </Form>
    </>
  );
}
