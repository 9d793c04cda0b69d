import { Form, Link, redirect } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import { ApiErrorMessage } from '../components/api-error.js';
import { ExternalProof, PasswordProofField } from '../components/external-sign-in.js';
import { ApiError, callApi, pageError } from '../lib/api.server.js';
import { confirmableAmong, externalProof, spendProof } from '../lib/external-sign-in.server.js';
import { messagesFor, metaMessages, useI18n } from '../lib/i18n.js';
import { requestLocale } from '../lib/locale.server.js';
import { clearSession, readSession, requireSession } from '../lib/session.server.js';
import { refusalFor } from '../lib/refusal.server.js';
import type { Route } from './+types/account-delete';

const deleteAccountMutation = graphql(`
  mutation StorefrontDeleteMyAccount($password: String, $externalIdentity: ExternalIdentityProof) {
    deleteMyAccount(password: $password, externalIdentity: $externalIdentity)
  }
`);

const signInMethodsQuery = graphql(`
  query StorefrontDeleteSignInMethods {
    me {
      signInMethods {
        identities {
          provider
        }
      }
    }
  }
`);

export const meta: Route.MetaFunction = ({ matches }) => [{ title: `${metaMessages(matches).deleteAccount.title} | Vitrine` }];

/** The confirmation step; once the account is gone (`?done=1`, signed out) the page says so. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const done = new URL(request.url).searchParams.has('done');
  if (done && !(await readSession(request, context))) return { deleted: true, proof: null, providers: [] };
  const session = await requireSession(request, context);
  try {
    const { identities } = (await callApi(context, signInMethodsQuery, {}, session.accessToken)).me.signInMethods;
    const proof = await externalProof(request, context);
    return { deleted: false, proof: proof && { label: proof.label }, providers: confirmableAmong(context, identities, session.signedInWith) };
  } catch (err) {
    return pageError(err);
  }
}

/**
 * Deletes the account for good (the password again, or a fresh external sign-in's proof, and the box ticked), then
 * signs this browser out.
 */
export async function action({ request, context }: Route.ActionArgs) {
  const session = await requireSession(request, context);
  const t = messagesFor(await requestLocale(request, context));
  const form = await request.formData();
  const password = form.get('password');
  const proof = await externalProof(request, context);
  if (form.get('understand') !== 'yes') return { error: t.deleteAccount.mustConfirm };
  if (!proof && (typeof password !== 'string' || !password)) return { error: t.deleteAccount.passwordMissing };
  try {
    const confirmation = proof ? { externalIdentity: { provider: proof.provider, idToken: proof.idToken } } : { password: password as string };
    await callApi(context, deleteAccountMutation, confirmation, session.accessToken);
    const headers = new Headers({ 'Set-Cookie': await clearSession(context) });
    headers.append('Set-Cookie', await spendProof(request, context));
    return redirect('/account/delete?done=1', { headers });
  } catch (err) {
    if (err instanceof ApiError) return { error: await refusalFor(request, context, err, { withProblems: true }) };
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
      <ExternalProof proof={loaderData.proof} providers={loaderData.providers} next="/account/delete" />
      <Form method="post" className="stacked">
        {!loaderData.proof && <PasswordProofField />}
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
