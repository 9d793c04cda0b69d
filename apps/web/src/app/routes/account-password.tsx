import { Form, Link, redirect, type AppLoadContext } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import { ApiErrorMessage } from '../components/api-error.js';
import { ExternalProof } from '../components/external-sign-in.js';
import { NewPasswordFields } from '../components/new-password-fields.js';
import { ApiError, callApi, pageError } from '../lib/api.server.js';
import { confirmableAmong, externalProof, spendProof } from '../lib/external-sign-in.server.js';
import { messagesFor, metaMessages, useI18n, type Messages } from '../lib/i18n.js';
import { requestLocale } from '../lib/locale.server.js';
import { requireSession, saveSession, sessionFrom, type Session } from '../lib/session.server.js';
import { refusalFor } from '../lib/refusal.server.js';
import type { Route } from './+types/account-password';

const changePasswordMutation = graphql(`
  mutation StorefrontChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      ...StorefrontSession
    }
  }
`);

const signInMethodsQuery = graphql(`
  query StorefrontPasswordSignInMethods {
    me {
      signInMethods {
        hasPassword
        identities {
          provider
        }
      }
    }
  }
`);

const setPasswordMutation = graphql(`
  mutation StorefrontSetPassword($newPassword: String!, $externalIdentity: ExternalIdentityProof!) {
    setPassword(newPassword: $newPassword, externalIdentity: $externalIdentity) {
      ...StorefrontSession
    }
  }
`);

export const meta: Route.MetaFunction = ({ matches }) => [{ title: `${metaMessages(matches).password.title} | Vitrine` }];

/** Changing the password; an account without one sets its first here, after a fresh sign-in at its provider. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const session = await requireSession(request, context);
  try {
    const { signInMethods } = (await callApi(context, signInMethodsQuery, {}, session.accessToken)).me;
    if (signInMethods.hasPassword) return { hasPassword: true, proof: null, confirmWith: [] };
    const proof = await externalProof(request, context);
    return {
      hasPassword: false,
      proof: proof && { label: proof.label },
      confirmWith: confirmableAmong(context, signInMethods.identities, session.signedInWith),
    };
  } catch (err) {
    return pageError(err);
  }
}

/**
 * Change: the current password (counted like a sign-in at the API) and the new one twice. Set (no password yet):
 * the new one twice, with the fresh external sign-in's proof. Either way this browser stays signed in.
 */
export async function action({ request, context }: Route.ActionArgs) {
  const session = await requireSession(request, context);
  const t = messagesFor(await requestLocale(request, context));
  const form = await request.formData();
  if (form.get('intent') === 'set') return setFirstPassword(request, context, session, form, t);
  const currentPassword = form.get('currentPassword');
  const newPassword = form.get('newPassword');
  if (typeof currentPassword !== 'string' || !currentPassword || typeof newPassword !== 'string' || !newPassword) return { error: t.password.missing };
  if (newPassword !== form.get('confirm')) return { error: t.password.mismatch };
  try {
    const { changePassword } = await callApi(context, changePasswordMutation, { currentPassword, newPassword }, session.accessToken);
    // Every session ended at the API (this one's refresh token too): the cookie takes the session it returned.
    return redirect('/account?passwordChanged=1', { headers: { 'Set-Cookie': await saveSession(context, sessionFrom(changePassword)) } });
  } catch (err) {
    if (err instanceof ApiError) return { error: await refusalFor(request, context, err, { withProblems: true }) };
    throw err;
  }
}

async function setFirstPassword(request: Request, context: AppLoadContext, session: Session, form: FormData, t: Messages) {
  const newPassword = form.get('newPassword');
  const proof = await externalProof(request, context);
  if (!proof) return { error: t.signInMethods.setNeedsProof };
  if (typeof newPassword !== 'string' || !newPassword) return { error: t.signInMethods.setMissing };
  if (newPassword !== form.get('confirm')) return { error: t.password.mismatch };
  try {
    const externalIdentity = { provider: proof.provider, idToken: proof.idToken };
    const { setPassword } = await callApi(context, setPasswordMutation, { newPassword, externalIdentity }, session.accessToken);
    // Every session ended at the API: the cookie takes the one it returned (still the provider's, to confirm with).
    const headers = new Headers({ 'Set-Cookie': await saveSession(context, { ...sessionFrom(setPassword), signedInWith: session.signedInWith }) });
    headers.append('Set-Cookie', await spendProof(request, context));
    return redirect('/account?passwordSet=1', { headers });
  } catch (err) {
    if (err instanceof ApiError) return { error: await refusalFor(request, context, err, { withProblems: true }) };
    throw err;
  }
}

export default function AccountPassword({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  if (!loaderData.hasPassword) return <SetPassword {...loaderData} error={actionData?.error} />;
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
        <NewPasswordFields label={t.password.new} confirmLabel={t.password.confirm} />
        <ApiErrorMessage message={actionData?.error} />
        <button type="submit">{t.password.save}</button>
      </Form>
      <p>
        <Link to="/forgot-password">{t.password.forgot}</Link>
      </p>
    </>
  );
}

function SetPassword({
  proof,
  confirmWith,
  error,
}: {
  proof: { label: string } | null;
  confirmWith: readonly { name: string; label: string }[];
  error?: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <p>
        <Link to="/account">{t.accountEmail.back}</Link>
      </p>
      <h1>{t.signInMethods.setTitle}</h1>
      <p>{t.signInMethods.setIntro}</p>
      <ExternalProof proof={proof} providers={confirmWith} next="/account/password" />
      <Form method="post" className="stacked">
        <input type="hidden" name="intent" value="set" />
        <NewPasswordFields label={t.password.new} confirmLabel={t.password.confirm} />
        <ApiErrorMessage message={error} />
        <button type="submit" disabled={!proof}>
          {t.signInMethods.setSave}
        </button>
      </Form>
    </>
  );
}
