import { Form, Link, redirect } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import { ApiErrorMessage } from '../components/api-error.js';
import { ApiError, callApi, messageWithProblems } from '../lib/api.server.js';
import { messagesFor, metaMessages, useI18n } from '../lib/i18n.js';
import { requestLocale } from '../lib/locale.server.js';
import { clearSession, readSession, requireSession } from '../lib/session.server.js';
import type { Route } from './+types/account-delete';

const deleteAccountMutation = graphql(`
  mutation StorefrontDeleteMyAccount($password: String!) {
    deleteMyAccount(password: $password)
  }
`);

export const meta: Route.MetaFunction = ({ matches }) => [{ title: `${metaMessages(matches).deleteAccount.title} | Vitrine` }];

/** The confirmation step; once the account is gone (`?done=1`, signed out) the page says so. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const done = new URL(request.url).searchParams.has('done');
  if (done && !(await readSession(request, context))) return { deleted: true };
  await requireSession(request, context);
  return { deleted: false };
}

/** Deletes the account for good (the password again, and the box ticked), then signs this browser out. */
export async function action({ request, context }: Route.ActionArgs) {
  const session = await requireSession(request, context);
  const t = messagesFor(await requestLocale(request, context));
  const form = await request.formData();
  const password = form.get('password');
  if (form.get('understand') !== 'yes') return { error: t.deleteAccount.mustConfirm };
  if (typeof password !== 'string' || !password) return { error: t.deleteAccount.passwordMissing };
  try {
    await callApi(context, deleteAccountMutation, { password }, session.accessToken);
    return redirect('/account/delete?done=1', { headers: { 'Set-Cookie': await clearSession(context) } });
  } catch (err) {
    if (err instanceof ApiError) return { error: messageWithProblems(err) };
    throw err;
  }
}

export default function AccountDelete({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  if (loaderData.deleted) {
    return (
      <>
        <h1>{t.deleteAccount.doneTitle}</h1>
        <p className="success" role="status">
          {t.deleteAccount.deleted}
        </p>
        <p>
          <Link to="/">{t.errors.back}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <p>
        <Link to="/account">{t.accountEmail.back}</Link>
      </p>
      <h1>{t.deleteAccount.title}</h1>
      <p>{t.deleteAccount.intro}</p>
      <p>{t.deleteAccount.openOrders}</p>
      <Form method="post" className="stacked">
        <div className="field">
          <label htmlFor="password">{t.accountEmail.password}</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
        </div>
        <div className="field checkbox">
          <input id="understand" name="understand" type="checkbox" value="yes" required />
          <label htmlFor="understand">{t.deleteAccount.understand}</label>
        </div>
        <ApiErrorMessage message={actionData?.error} />
        <button type="submit" className="danger">
          {t.deleteAccount.confirm}
        </button>{' '}
        <Link to="/account">{t.deleteAccount.cancel}</Link>
      </Form>
    </>
  );
}
