import { Form, Link, redirect, useSearchParams } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import { ApiErrorMessage } from '../components/api-error.js';
import { NewPasswordFields } from '../components/new-password-fields.js';
import { ApiError, callApi } from '../lib/api.server.js';
import { messagesFor, metaMessages, useI18n } from '../lib/i18n.js';
import { requestLocale } from '../lib/locale.server.js';
import { saveSession, sessionFrom } from '../lib/session.server.js';
import { refusalFor } from '../lib/refusal.server.js';
import type { Route } from './+types/reset-password';

const resetMutation = graphql(`
  mutation StorefrontResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword) {
      ...StorefrontSession
    }
  }
`);

export const meta: Route.MetaFunction = ({ matches }) => [{ title: `${metaMessages(matches).reset.setTitle} | Vitrine` }];

/** The emailed link's page: the token stays in the form (never in a cookie); the API checks it once, with the password. */
export async function action({ request, context }: Route.ActionArgs) {
  const t = messagesFor(await requestLocale(request, context));
  const form = await request.formData();
  const token = form.get('token');
  const newPassword = form.get('newPassword');
  const confirm = form.get('confirm');
  if (typeof token !== 'string' || !token) return { error: t.reset.noToken };
  if (typeof newPassword !== 'string' || !newPassword) return { error: t.reset.mismatch };
  if (newPassword !== confirm) return { error: t.reset.mismatch };
  try {
    const { resetPassword } = await callApi(context, resetMutation, { token, newPassword });
    // Every other session ended at the API; this one starts signed in.
    return redirect('/account?reset=1', { headers: { 'Set-Cookie': await saveSession(context, sessionFrom(resetPassword)) } });
  } catch (err) {
    if (err instanceof ApiError) return { error: await refusalFor(request, context, err) };
    throw err;
  }
}

export default function ResetPassword({ actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  return (
    <>
      <h1>{t.reset.setTitle}</h1>
      {token ? (
        <Form method="post" className="stacked">
          <input type="hidden" name="token" value={token} />
          <NewPasswordFields label={t.reset.newPassword} confirmLabel={t.reset.confirm} />
          <ApiErrorMessage message={actionData?.error} />
          <button type="submit">{t.reset.save}</button>
        </Form>
      ) : (
        <p className="error" role="alert">
          {t.reset.noToken}
        </p>
      )}
      <p>
        <Link to="/forgot-password">{t.reset.askAgain}</Link>
      </p>
    </>
  );
}
