import { Form, Link } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import { ApiErrorMessage } from '../components/api-error.js';
import { ApiError, callApi } from '../lib/api.server.js';
import { messagesFor, metaMessages, useI18n } from '../lib/i18n.js';
import { requestLocale } from '../lib/locale.server.js';
import { field } from '../lib/sign-in.server.js';
import { refusalFor } from '../lib/refusal.server.js';
import type { Route } from './+types/forgot-password';

const requestResetMutation = graphql(`
  mutation StorefrontRequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

export const meta: Route.MetaFunction = ({ matches }) => [{ title: `${metaMessages(matches).reset.requestTitle} | Vitrine` }];

export async function action({ request, context }: Route.ActionArgs) {
  const t = messagesFor(await requestLocale(request, context));
  const form = await request.formData();
  const email = field(form, 'email');
  if (!email) return { sent: false, error: t.reset.missingEmail, email };
  try {
    // The API answers the same whether or not the email has an account; so does this page.
    await callApi(context, requestResetMutation, { email });
    return { sent: true, error: null, email };
  } catch (err) {
    if (err instanceof ApiError) return { sent: false, error: await refusalFor(request, context, err), email };
    throw err;
  }
}

export default function ForgotPassword({ actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  return (
    <>
      <h1>{t.reset.requestTitle}</h1>
      {actionData?.sent ? (
        <p className="success" role="status">
          {t.reset.sent}
        </p>
      ) : (
        <>
          <p>{t.reset.requestIntro}</p>
          <Form method="post" className="stacked">
            <div className="field">
              <label htmlFor="email">{t.reset.email}</label>
              <input id="email" name="email" type="email" autoComplete="email" required defaultValue={actionData?.email} />
            </div>
            <ApiErrorMessage message={actionData?.error} />
            <button type="submit">{t.reset.send}</button>
          </Form>
        </>
      )}
      <p>
        <Link to="/sign-in">{t.signIn.title}</Link>
      </p>
    </>
  );
}
