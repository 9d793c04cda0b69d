import { Form, Link, redirect } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import { ApiErrorMessage } from '../components/api-error.js';
import { ApiError, callApi, messageWithProblems, pageError } from '../lib/api.server.js';
import { messagesFor, metaMessages, useI18n } from '../lib/i18n.js';
import { requestLocale } from '../lib/locale.server.js';
import { requireSession } from '../lib/session.server.js';
import { field } from '../lib/sign-in.server.js';
import type { Route } from './+types/account-email';

const currentEmailQuery = graphql(`
  query StorefrontCurrentEmail {
    me {
      email
      emailVerified
    }
  }
`);

const requestEmailChangeMutation = graphql(`
  mutation StorefrontRequestEmailChange($newEmail: String!, $password: String!) {
    requestEmailChange(newEmail: $newEmail, password: $password)
  }
`);

export const meta: Route.MetaFunction = ({ matches }) => [{ title: `${metaMessages(matches).accountEmail.changeTitle} | Vitrine` }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const session = await requireSession(request, context);
  try {
    return await callApi(context, currentEmailQuery, {}, session.accessToken);
  } catch (err) {
    return pageError(err);
  }
}

/** Asks accounts to email a confirmation link to the new address; the account moves only once it is followed. */
export async function action({ request, context }: Route.ActionArgs) {
  const session = await requireSession(request, context);
  const t = messagesFor(await requestLocale(request, context));
  const form = await request.formData();
  const newEmail = field(form, 'newEmail');
  const password = form.get('password');
  if (!newEmail || typeof password !== 'string' || !password) return { error: t.accountEmail.missing };
  try {
    await callApi(context, requestEmailChangeMutation, { newEmail, password }, session.accessToken);
    return redirect('/account?emailChangeRequested=1');
  } catch (err) {
    if (err instanceof ApiError) return { error: messageWithProblems(err) };
    throw err;
  }
}

export default function AccountEmail({ loaderData, actionData }: Route.ComponentProps) {
  const { me } = loaderData;
  const { t } = useI18n();
  return (
    <>
      <p>
        <Link to="/account">{t.accountEmail.back}</Link>
      </p>
      <h1>{t.accountEmail.changeTitle}</h1>
      <p>{t.accountEmail.current(me.email)}</p>
      <p>{t.accountEmail.changeIntro}</p>
      <Form method="post" className="stacked">
        <div className="field">
          <label htmlFor="newEmail">{t.accountEmail.newEmail}</label>
          <input id="newEmail" name="newEmail" type="email" autoComplete="email" required maxLength={254} />
        </div>
        <div className="field">
          <label htmlFor="password">{t.accountEmail.password}</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required aria-describedby="password-help" />
          <p id="password-help" className="help">
            {t.accountEmail.passwordHelp}
          </p>
        </div>
        <ApiErrorMessage message={actionData?.error} />
        <button type="submit">{t.accountEmail.send}</button>
      </Form>
    </>
  );
}
