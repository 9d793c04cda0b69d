import { Form, Link, redirect } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import { ApiErrorMessage } from '../components/api-error.js';
import { ApiError, callApi, messageWithProblems } from '../lib/api.server.js';
import { messagesFor, metaMessages, useI18n } from '../lib/i18n.js';
import { requestLocale } from '../lib/locale.server.js';
import { requireSession, saveSession, sessionFrom } from '../lib/session.server.js';
import type { Route } from './+types/account-password';

const changePasswordMutation = graphql(`
  mutation StorefrontChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      accessToken
      refreshToken
      expiresIn
      customer {
        displayName
      }
    }
  }
`);

export const meta: Route.MetaFunction = ({ matches }) => [{ title: `${metaMessages(matches).password.title} | Vitrine` }];

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireSession(request, context);
  return null;
}

/** The current password (counted like a sign-in at the API) and the new one twice; this browser stays signed in. */
export async function action({ request, context }: Route.ActionArgs) {
  const session = await requireSession(request, context);
  const t = messagesFor(await requestLocale(request, context));
  const form = await request.formData();
  const currentPassword = form.get('currentPassword');
  const newPassword = form.get('newPassword');
  if (typeof currentPassword !== 'string' || !currentPassword || typeof newPassword !== 'string' || !newPassword) return { error: t.password.missing };
  if (newPassword !== form.get('confirm')) return { error: t.password.mismatch };
  try {
    const { changePassword } = await callApi(context, changePasswordMutation, { currentPassword, newPassword }, session.accessToken);
    // Every session ended at the API (this one's refresh token too): the cookie takes the session it returned.
    return redirect('/account?passwordChanged=1', { headers: { 'Set-Cookie': await saveSession(context, sessionFrom(changePassword)) } });
  } catch (err) {
    if (err instanceof ApiError) return { error: messageWithProblems(err) };
    throw err;
  }
}

export default function AccountPassword({ actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  return (
    <>
      <p>
        <Link to="/account">{t.accountEmail.back}</Link>
      </p>
      <h1>{t.password.title}</h1>
      <p>{t.password.intro}</p>
      <Form method="post" className="stacked">
        <div className="field">
          <label htmlFor="currentPassword">{t.password.current}</label>
          <input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" required />
        </div>
        <div className="field">
          <label htmlFor="newPassword">{t.password.new}</label>
          <input id="newPassword" name="newPassword" type="password" autoComplete="new-password" required minLength={8} aria-describedby="new-password-help" />
          <p id="new-password-help" className="help">
            {t.signUp.passwordHelp}
          </p>
        </div>
        <div className="field">
          <label htmlFor="confirm">{t.password.confirm}</label>
          <input id="confirm" name="confirm" type="password" autoComplete="new-password" required minLength={8} />
        </div>
        <ApiErrorMessage message={actionData?.error} />
        <button type="submit">{t.password.save}</button>
      </Form>
      <p>
        <Link to="/forgot-password">{t.password.forgot}</Link>
      </p>
    </>
  );
}
