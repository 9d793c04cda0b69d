import { Form, Link, redirect, useNavigation, useSearchParams } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { DoneMessage } from '../../components/done-message.js';
import { useFormsKey } from '../../components/reset-forms.js';
import { StudioFields, studioFrom } from '../../components/studio-fields.js';
import { ApiError, callApi, pageError } from '../../lib/api.server.js';
import { sectionMeta } from '../../lib/back-office-meta.js';
import { useWords } from '../../lib/i18n.js';
import { backOfficeWords } from '../../lib/messages/admin/back-office.js';
import { studiosWords } from '../../lib/messages/admin/studios.js';
import { refusalFor } from '../../lib/refusal.server.js';
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

export const meta: Route.MetaFunction = (args) => sectionMeta(args, 'studios');

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
    if (err instanceof ApiError) return { error: await refusalFor(request, context, err, { withProblems: true }), values: input };
    throw err;
  }
}

export default function BackOfficeStudios({ loaderData, actionData }: Route.ComponentProps) {
  const [params] = useSearchParams();
  const submitting = useNavigation().state === 'submitting';
  const formsKey = useFormsKey(Boolean(actionData));
  const w = useWords(studiosWords);
  const frame = useWords(backOfficeWords);
  const done = actionData ? null : params.get('done');
  const added = done === 'created' ? w.added(params.get('name') ?? '') : done === 'removed' ? w.removed(params.get('name') ?? '') : null;
  return (
    <>
      <h1>{frame.sections.studios.title}</h1>
      <DoneMessage message={added} />
      <table className="data-table" data-testid="studios">
        <caption>{w.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{w.name}</th>
            <th scope="col">{w.country}</th>
            <th scope="col">{w.contact}</th>
          </tr>
        </thead>
        <tbody>
          {loaderData.studios.map((s) => (
            <tr key={s.id}>
              <th scope="row">
                <Link to={`/admin/studios/${s.id}`} aria-label={w.edit(s.name)}>
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
        <h2 id="new-studio">{w.add}</h2>
        <StudioFields values={actionData?.values ?? {}} />
        <ApiErrorMessage message={actionData?.error} />
        <button type="submit" disabled={submitting}>
          {w.submit}
        </button>
      </Form>
    </>
  );
}
