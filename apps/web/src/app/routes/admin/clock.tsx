import { Form, useNavigation } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { DoneMessage } from '../../components/done-message.js';
import { ApiError, callApi, messageWithProblems, pageError } from '../../lib/api.server.js';
import { formatDateTime } from '../../lib/format.js';
import { field } from '../../lib/sign-in.server.js';
import { backToPage, requireStaff } from '../../lib/staff.server.js';
import type { Route } from './+types/clock';

const clockQuery = graphql(`
  query BackOfficeSandboxClock {
    sandboxClock {
      now
      aheadHours
    }
  }
`);
const advanceMutation = graphql(`
  mutation BackOfficeAdvanceClock($hours: Int!) {
    advanceSandboxClock(hours: $hours) {
      now
    }
  }
`);

export const meta: Route.MetaFunction = () => [{ title: 'Store clock | Back office | Vitrine' }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'orders:manage');
  const { sandboxClock } = await callApi(context, clockQuery, {}, staff.accessToken).catch(pageError);
  const params = new URL(request.url).searchParams;
  const moved = params.get('done') === 'moved' && /^\d+$/.test(params.get('hours') ?? '') ? Number(params.get('hours')) : null;
  return { clock: sandboxClock, done: moved ? `The store’s clock moved ${moved} hour${moved === 1 ? '' : 's'} forward.` : null };
}

export async function action({ request, context }: Route.ActionArgs) {
  const staff = await requireStaff(request, context, 'orders:manage');
  const form = await request.formData();
  const typed = field(form, 'hours');
  const days = field(form, 'unit') === 'days';
  // The page sends what was typed as it is: the API says what it accepts (whole hours, 1 to its maximum).
  const hours = /^-?\d{1,6}$/.test(typed) ? Number(typed) * (days ? 24 : 1) : Number.NaN;
  if (Number.isNaN(hours)) return { error: 'Give a whole number.' };
  try {
    await callApi(context, advanceMutation, { hours }, staff.accessToken);
  } catch (err) {
    if (err instanceof ApiError) return { error: messageWithProblems(err) };
    throw err;
  }
  const url = new URL(request.url);
  url.searchParams.set('hours', String(hours));
  return backToPage(new Request(url), 'moved');
}

export default function BackOfficeClock({ loaderData, actionData }: Route.ComponentProps) {
  const { clock } = loaderData;
  const submitting = useNavigation().state === 'submitting';
  return (
    <>
      <h1>Store clock</h1>
      <DoneMessage message={actionData ? null : loaderData.done} />
      <p>
        The store’s time: <time dateTime={clock.now}>{formatDateTime(clock.now)}</time>
        {clock.aheadHours > 0 ? (
          <>
            , <strong data-testid="ahead">{clock.aheadHours} hours</strong> ahead of real time.
          </>
        ) : (
          ', the real time.'
        )}
      </p>
      <p className="help">
        Outside production only (the API refuses it in production). Every service’s rules and deadlines follow the store’s clock: moving it forward makes
        balances fall due, unpaid orders expire and windows close as they would after that time. It never moves back.
      </p>
      <Form method="post" className="inline-form" aria-label="Move the clock forward">
        <div className="field">
          <label htmlFor="hours">Move forward by</label>
          <input id="hours" name="hours" type="number" step={1} required />
        </div>
        <div className="field">
          <label htmlFor="unit">Unit</label>
          <select id="unit" name="unit" defaultValue="hours">
            <option value="hours">hours</option>
            <option value="days">days</option>
          </select>
        </div>
        <button type="submit" disabled={submitting}>
          Move the clock forward
        </button>
      </Form>
      <ApiErrorMessage message={actionData?.error} />
    </>
  );
}
