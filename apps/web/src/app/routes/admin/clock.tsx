import { Form, useNavigation } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { DoneMessage } from '../../components/done-message.js';
import { ApiError, callApi, pageError } from '../../lib/api.server.js';
import { sectionMeta } from '../../lib/back-office-meta.js';
import { useI18n, useWords, wordsIn } from '../../lib/i18n.js';
import { requestLocale } from '../../lib/locale.server.js';
import { backOfficeWords } from '../../lib/messages/admin/back-office.js';
import { clockWords } from '../../lib/messages/admin/clock.js';
import { refusalFor } from '../../lib/refusal.server.js';
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

export const meta: Route.MetaFunction = (args) => sectionMeta(args, 'clock');

export async function loader({ request, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'orders:manage');
  const { sandboxClock } = await callApi(context, clockQuery, {}, staff.accessToken).catch(pageError);
  const params = new URL(request.url).searchParams;
  const moved = params.get('done') === 'moved' && /^\d+$/.test(params.get('hours') ?? '') ? Number(params.get('hours')) : null;
  return { clock: sandboxClock, moved };
}

export async function action({ request, context }: Route.ActionArgs) {
  const staff = await requireStaff(request, context, 'orders:manage');
  const form = await request.formData();
  const typed = field(form, 'hours');
  const days = field(form, 'unit') === 'days';
  // The page sends what was typed as it is: the API says what it accepts (whole hours, 1 to its maximum).
  const hours = /^-?\d{1,6}$/.test(typed) ? Number(typed) * (days ? 24 : 1) : Number.NaN;
  if (Number.isNaN(hours)) return { error: wordsIn(clockWords, await requestLocale(request, context)).wholeNumber };
  try {
    await callApi(context, advanceMutation, { hours }, staff.accessToken);
  } catch (err) {
    if (err instanceof ApiError) return { error: await refusalFor(request, context, err, { withProblems: true }) };
    throw err;
  }
  const url = new URL(request.url);
  url.searchParams.set('hours', String(hours));
  return backToPage(new Request(url), 'moved');
}

export default function BackOfficeClock({ loaderData, actionData }: Route.ComponentProps) {
  const { clock, moved } = loaderData;
  const { dateTime } = useI18n();
  const w = useWords(clockWords);
  const frame = useWords(backOfficeWords);
  const submitting = useNavigation().state === 'submitting';
  return (
    <>
      <h1>{frame.sections.clock.title}</h1>
      <DoneMessage message={actionData || moved === null ? null : w.moved(moved)} />
      <p>
        {w.storesTime}
        <time dateTime={clock.now}>{dateTime(clock.now)}</time>
        {clock.aheadHours > 0 ? (
          <>
            , <strong data-testid="ahead">{w.ahead(clock.aheadHours)}</strong>
            {w.aheadAfter}
          </>
        ) : (
          w.realTime
        )}
      </p>
      <p className="help">{w.help}</p>
      <Form method="post" className="inline-form" aria-label={w.form}>
        <div className="field">
          <label htmlFor="hours">{w.moveBy}</label>
          <input id="hours" name="hours" type="number" step={1} required />
        </div>
        <div className="field">
          <label htmlFor="unit">{w.unit}</label>
          <select id="unit" name="unit" defaultValue="hours">
            <option value="hours">{w.hours}</option>
            <option value="days">{w.days}</option>
          </select>
        </div>
        <button type="submit" disabled={submitting}>
          {w.submit}
        </button>
      </Form>
      <ApiErrorMessage message={actionData?.error} />
    </>
  );
}
